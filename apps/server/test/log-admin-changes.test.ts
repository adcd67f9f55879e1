import { BOOTSTRAP_ADMIN, createEngine, createMemoryStorage } from "@jwtgrant/core";
import { describe, expect, it } from "vitest";
import { createJsonLogger } from "../src/json-logger.js";
import { logAdminChanges } from "../src/log-admin-changes.js";

describe("admin changes in the JSON log", () => {
  it("writes one info line per change, with who, what, before and after, and keeps the record", async () => {
    const lines: string[] = [];
    const storage = createMemoryStorage();
    const logged = {
      ...storage,
      adminAudit: logAdminChanges(
        storage.adminAudit,
        createJsonLogger("info", (line) => lines.push(line)),
      ),
    };
    const engine = createEngine({ storage: logged }, { issuer: "https://as.example.com" });
    const { client, clientSecret } = await engine.clients.create(BOOTSTRAP_ADMIN, { clientName: "app" });
    await engine.clients.rotateSecret(BOOTSTRAP_ADMIN, client.clientId);

    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({
      level: "info",
      msg: "admin change",
      action: "client.create",
      actor: { kind: "bootstrap_token" },
      target_id: client.clientId,
      before: null,
      after: { client_id: client.clientId, client_name: "app", client_secret: "[redacted]" },
    });
    expect(JSON.parse(lines[1] ?? "")).toMatchObject({ action: "client.rotate_secret" });
    expect(lines.join("")).not.toContain(clientSecret);
    expect((await engine.adminAudit.list()).map((record) => record.action)).toEqual([
      "client.rotate_secret",
      "client.create",
    ]);
  });
});
