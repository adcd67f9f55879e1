import { BOOTSTRAP_ADMIN, sha256 } from "@jwtgrant/core";
import { describe, expect, it } from "vitest";
import { createConsoleHarness } from "./console-harness.js";

/** The session id is the cookie value's first part; the audit log names the session by a fingerprint of it. */
async function sessionFingerprint(cookie: string | undefined) {
  const id = cookie?.split("=")[1]?.split(".")[0] ?? "";
  return (await sha256(id)).slice(0, 16);
}

describe("console: the audit page", () => {
  it("attributes a console change to the session, by a fingerprint of its id, never the id itself", async () => {
    const harness = await createConsoleHarness();
    await harness.signIn();
    expect((await harness.submit("/console/keys/rotate", {})).status).toBe(303);
    const [record] = await harness.engine.adminAudit.list();
    const fingerprint = await sessionFingerprint(harness.cookie);
    expect(record).toMatchObject({
      action: "signing_key.rotate",
      actor: { kind: "console", session: fingerprint },
    });
    const sessionId = harness.cookie?.split("=")[1]?.split(".")[0] ?? "";
    expect(sessionId.length).toBeGreaterThan(16);
    expect(JSON.stringify(record)).not.toContain(sessionId);
  });

  it("lists recent changes newest first: time, who, action, target, and before and after to unfold", async () => {
    const harness = await createConsoleHarness();
    await harness.engine.clients.create(BOOTSTRAP_ADMIN, { clientId: "orders", clientName: "Orders app" });
    await harness.engine.adminKeys.create(BOOTSTRAP_ADMIN, { name: "ci" });
    await harness.signIn();
    await harness.submit("/console/clients/orders/delete", { confirm: "yes" });

    const response = await harness.get("/console/audit");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('href="/console/audit">Audit</a>');
    const rows = [
      ...html.matchAll(
        /<tr><td>([^<]+)<\/td><td>([^<]+)<\/td><td><code>([^<]+)<\/code><\/td><td><code>([^<]+)</g,
      ),
    ];
    expect(rows.map(([, , who, action]) => [who, action])).toEqual([
      [`console session ${await sessionFingerprint(harness.cookie)}`, "client.delete"],
      ["admin token", "admin_key.create"],
      ["admin token", "client.create"],
    ]);
    expect(rows[0]?.[1]).toBe(harness.clock.now().toISOString());
    expect(rows[0]?.[4]).toBe("orders");
    expect(html).toContain("<details><summary>Show</summary><h3>Before</h3><pre>");
    expect(html).toContain("&quot;client_name&quot;: &quot;Orders app&quot;");
    expect(html).toContain("&quot;client_secret&quot;: &quot;[redacted]&quot;");
  });

  it("says when there is no change yet, and needs a session", async () => {
    const harness = await createConsoleHarness();
    const anonymous = await harness.get("/console/audit");
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe("/console/sign-in");
    await harness.signIn();
    expect(await (await harness.get("/console/audit")).text()).toContain(
      "No admin change has been made yet.",
    );
  });
});
