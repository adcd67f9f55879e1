import { describe, expect, it } from "vitest";
import { JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT, TOKEN_EXCHANGE_GRANT } from "../../domain/client.js";
import type { GrantAuditEntry, GrantAuditLog } from "../../ports/grant-audit-log.js";
import { minutesFrom, NOW } from "./fixtures.js";

function entry(minute: number, overrides: Partial<GrantAuditEntry> = {}): GrantAuditEntry {
  return {
    at: minutesFrom(NOW, minute),
    grantType: JWT_BEARER_GRANT,
    clientId: "client-1",
    issuer: "https://idp.example.com",
    subject: "svc-a",
    jti: `jti-${minute}`,
    actor: null,
    outcome: "granted",
    rule: "deploy",
    reason: null,
    ...overrides,
  };
}

export function describeGrantAuditLogContract(log: () => GrantAuditLog): void {
  describe("GrantAuditLog", () => {
    it("has no entries at first", async () => {
      expect(await log().recent(10)).toEqual([]);
    });

    it("returns recorded decisions newest first, with every field", async () => {
      const refused = entry(2, {
        grantType: REFRESH_TOKEN_GRANT,
        issuer: null,
        subject: null,
        jti: null,
        outcome: "refused",
        rule: "deploy: ref; read-only: sub",
        reason: "no_rule_matched",
      });
      const exchanged = entry(3, {
        grantType: TOKEN_EXCHANGE_GRANT,
        actor: { issuer: "https://ci.example.com", subject: "deployer" },
      });
      log().record(entry(1));
      log().record(refused);
      log().record(exchanged);
      expect(await log().recent(10)).toEqual([exchanged, refused, entry(1)]);
    });

    it("returns at most `limit` entries, the latest ones", async () => {
      for (let minute = 0; minute < 5; minute++) log().record(entry(minute));
      expect((await log().recent(2)).map((e) => e.jti)).toEqual(["jti-4", "jti-3"]);
    });
  });
}
