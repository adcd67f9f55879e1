import { JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT } from "@jwtgrant/core";
import { describe, expect, it } from "vitest";
import { createConsoleHarness } from "./console-harness.js";

const SECRET = /id="client-secret">([^<]+)</;

async function withClient() {
  const harness = await createConsoleHarness();
  await harness.signIn();
  const response = await harness.submit("/console/clients", {
    client_name: "Orders app",
    grant_types: [JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT],
    token_endpoint_auth_method: "client_secret_basic",
    scope: "orders:read",
    redirect_uri: "https://app.example.com/callback",
  });
  expect(response.status).toBe(201);
  const html = await response.text();
  const [client] = await harness.engine.clients.list();
  if (client === undefined) throw new Error("no client was added");
  return { harness, html, client, path: `/console/clients/${encodeURIComponent(client.clientId)}` };
}

describe("console: clients", () => {
  it("adds a client and shows its id and secret once", async () => {
    const { harness, html, client, path } = await withClient();
    expect(client.grantTypes).toEqual([JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT]);
    expect(client.redirectUris).toEqual(["https://app.example.com/callback"]);
    expect(html).toContain(`id="client-id">${client.clientId}<`);
    const secret = SECRET.exec(html)?.[1] ?? "";
    await expect(
      harness.engine.authenticateClient({ basic: { clientId: client.clientId, clientSecret: secret } }),
    ).resolves.toMatchObject({ clientId: client.clientId });
    const again = await (await harness.get(path)).text();
    expect(again).not.toContain(secret);
    expect(again).not.toMatch(SECRET);
    expect(await (await harness.get("/console/clients")).text()).toContain("Orders app");
  });

  it("shows a validation error beside its field, with the form filled in again", async () => {
    const harness = await createConsoleHarness();
    await harness.signIn();
    const response = await harness.submit("/console/clients", {
      client_name: "Kept",
      token_endpoint_auth_method: "client_secret_basic",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/id="grant_types-error"[^>]*>grant_types: /);
    expect(html).toContain('value="Kept"');
    expect(await harness.engine.clients.list()).toEqual([]);
  });

  it("rotates the secret and shows the new one once", async () => {
    const { harness, html, path } = await withClient();
    const first = SECRET.exec(html)?.[1];
    const rotated = await harness.submit(`${path}/secret`, {});
    expect(rotated.status).toBe(200);
    const second = SECRET.exec(await rotated.text())?.[1];
    expect(second).toMatch(/^jgcs_[\w-]{43}$/);
    expect(second).not.toBe(first);
  });

  it("deletes only after the confirmation step", async () => {
    const { harness, path } = await withClient();
    expect(await (await harness.get(`${path}/delete`)).text()).toContain("Delete the client Orders app?");
    await harness.submit(`${path}/delete`, {});
    expect(await harness.engine.clients.list()).toHaveLength(1);
    await harness.submit(`${path}/delete`, { confirm: "yes" });
    expect(await harness.engine.clients.list()).toEqual([]);
  });
});

describe("console: signing keys", () => {
  it("lists the keys and rotates", async () => {
    const harness = await createConsoleHarness();
    await harness.signIn();
    const [active] = await harness.engine.signingKeys.list();
    expect(await (await harness.get("/console/keys")).text()).toContain(active?.kid ?? "missing");
    expect((await harness.submit("/console/keys/rotate", {})).headers.get("location")).toBe("/console/keys");
    const keys = await harness.engine.signingKeys.list();
    expect(keys.map((key) => key.status).sort()).toEqual(["active", "retired"]);
  });
});
