import { BOOTSTRAP_ADMIN, JWT_BEARER_GRANT } from "@jwtgrant/core";
import { describe, expect, it } from "vitest";
import { createConsoleHarness } from "./console-harness.js";

describe("console pages", () => {
  it("says on the sign-in page where the admin token is", async () => {
    const harness = await createConsoleHarness();
    const html = await (await harness.get("/console/sign-in")).text();
    expect(html).toContain("<code>JWTGRANT_ADMIN_TOKEN</code>");
    expect(html).toContain("<code>.jwtgrant/admin-token</code>");
    expect(html).toContain('aria-describedby="token-hint"');
  });

  it("serves a favicon before sign-in and links it from every page", async () => {
    const harness = await createConsoleHarness();
    const icon = await harness.get("/console/favicon.svg");
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toBe("image/svg+xml");
    expect(await icon.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(await (await harness.get("/console/sign-in")).text()).toContain(
      '<link rel="icon" type="image/svg+xml" href="/console/favicon.svg"/>',
    );
  });

  it("names each decision's client in the overview, its id on one line", async () => {
    const harness = await createConsoleHarness();
    await harness.signIn();
    const { client } = await harness.engine.clients.create(BOOTSTRAP_ADMIN, { clientName: "Orders app" });
    const decision = {
      at: harness.clock.now(),
      grantType: JWT_BEARER_GRANT,
      issuer: null,
      subject: null,
      jti: null,
      actor: null,
      outcome: "refused",
      rule: null,
      reason: "issuer_unknown",
    } as const;
    harness.storage.auditLog.record({ ...decision, clientId: client.clientId });
    harness.storage.auditLog.record({ ...decision, clientId: "gone-client" });
    const html = await (await harness.get("/console")).text();
    expect(html).toContain(
      `<a href="/console/clients/${client.clientId}">Orders app <code class="id">${client.clientId}</code></a>`,
    );
    expect(html).toContain('<td><code class="id">gone-client</code></td>');
    expect(await (await harness.get("/console/style.css")).text()).toContain(
      "code.id{white-space:nowrap;word-break:normal}",
    );
  });

  it("shows a new client's secret on another instance sharing the admin token", async () => {
    const first = await createConsoleHarness();
    await first.signIn();
    const added = await first.submit("/console/clients", {
      grant_types: JWT_BEARER_GRANT,
      token_endpoint_auth_method: "client_secret_basic",
    });
    expect(added.status).toBe(303);
    const [client] = await first.engine.clients.list();
    const second = await createConsoleHarness({ shared: { storage: first.storage, clock: first.clock } });
    second.cookie = first.cookie;
    for (const [name, value] of first.others) second.others.set(name, value);
    const html = await (await second.get(`/console/clients/${client?.clientId}`)).text();
    expect(html).toMatch(/id="client-secret">jgcs_[\w-]{43}</);
  });
});
