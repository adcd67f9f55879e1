import { describe, expect, it } from "vitest";
import type { AdminAuditEntry } from "../../domain/admin-audit-record.js";
import type { AdminAuditLog } from "../../ports/admin-audit-log.js";
import { minutesFrom, NOW } from "./fixtures.js";

function entry(minute: number, overrides: Partial<AdminAuditEntry> = {}): AdminAuditEntry {
  return {
    at: minutesFrom(NOW, minute),
    actor: { kind: "api_key", id: "0b7e7f64-6f0c-4a4e-9d1e-6f3c2a1b0c9d", name: "ci" },
    action: "issuer.update",
    targetId: `ti-${minute}`,
    before: {
      issuer: "https://idp.example.com",
      scope: null,
      rules: [{ name: "a", when: { b: { eq: 1 } } }],
    },
    after: { issuer: "https://idp.example.com", scope: "read", enabled: false, audiences: [] },
    ...overrides,
  };
}

export function describeAdminAuditLogContract(log: () => AdminAuditLog): void {
  describe("AdminAuditLog", () => {
    it("has no records at first", async () => {
      expect(await log().list({ limit: 10 })).toEqual([]);
    });

    it("returns what was recorded, every field, with the id it gave", async () => {
      const created = entry(1, {
        actor: { kind: "console", session: "S2x9" },
        action: "client.create",
        before: null,
      });
      const recorded = await log().record(created);
      expect(recorded).toEqual({ ...created, id: recorded.id });
      expect(recorded.id).toMatch(/^[1-9][0-9]*$/);
      expect(await log().list({ limit: 10 })).toEqual([recorded]);
    });

    it("keeps every kind of actor as recorded", async () => {
      const actors = [
        { kind: "bootstrap_token" },
        { kind: "bootstrap_token", fingerprint: "0123456789ab" },
        { kind: "server", task: "bootstrap_file" },
        { kind: "server", task: "key_rotation_schedule" },
      ] as const;
      for (const actor of actors) await log().record(entry(1, { actor }));
      const listed = await log().list({ limit: 10 });
      expect(listed.map((record) => record.actor).reverse()).toEqual(actors);
    });

    it("keeps a JSON object's members in the order written", async () => {
      const recorded = await log().record(entry(1, { after: { z: 1, a: 2, m: { y: 1, b: 2 } } }));
      const [listed] = await log().list({ limit: 1 });
      expect(Object.keys(listed?.after ?? {})).toEqual(["z", "a", "m"]);
      expect(listed).toEqual(recorded);
    });

    it("lists newest first by recording order, whatever the timestamps say", async () => {
      const first = await log().record(entry(5, { actor: { kind: "bootstrap_token" } }));
      const second = await log().record(entry(5, { action: "issuer.delete", after: null }));
      const third = await log().record(entry(1, { action: "signing_key.rotate" }));
      expect(Number(second.id)).toBeGreaterThan(Number(first.id));
      expect(await log().list({ limit: 10 })).toEqual([third, second, first]);
    });

    it("pages with limit and before", async () => {
      const ids: string[] = [];
      for (let minute = 0; minute < 5; minute++) ids.push((await log().record(entry(minute))).id);
      const page = await log().list({ limit: 2 });
      expect(page.map((record) => record.id)).toEqual([ids[4], ids[3]]);
      const next = await log().list({ limit: 2, before: ids[3] });
      expect(next.map((record) => record.id)).toEqual([ids[2], ids[1]]);
      const last = await log().list({ limit: 2, before: ids[1] });
      expect(last.map((record) => record.id)).toEqual([ids[0]]);
      expect(await log().list({ limit: 2, before: ids[0] })).toEqual([]);
    });

    it("pages from where an unknown id would have been", async () => {
      const recorded = await log().record(entry(0));
      expect(await log().list({ limit: 5, before: "999999999" })).toEqual([recorded]);
    });
  });
}
