import { BOOTSTRAP_ADMIN, JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT } from "@jwtgrant/core";
import { describe, expect, it } from "vitest";
import { type ConsoleHarness, createConsoleHarness } from "./console-harness.js";

const SECRET = /id="client-secret">([^<]+)</;

async function withClient() {
  const harness = await createConsoleHarness();
  await harness.signIn();
  const response = await harness.submit("/console/clients", {
    client_name: "Orders app",
    grant_types: [JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT],
    token_endpoint_auth_method: "client_secret_basic",
    scope: "orders:read",
    redirect_uris: "https://app.example.com/callback",
  });
  expect(response.status).toBe(303);
  const [client] = await harness.engine.clients.list();
  if (client === undefined) throw new Error("no client was added");
  const path = `/console/clients/${encodeURIComponent(client.clientId)}`;
  return { harness, response, client, path };
}

const secretOn = async (harness: ConsoleHarness, path: string) =>
  SECRET.exec(await (await harness.get(path)).text())?.[1] ?? null;

describe("console: clients", () => {
  it("adds a client, redirects to its page, and shows its id and secret once", async () => {
    const { harness, response, client, path } = await withClient();
    expect(response.headers.get("location")).toBe(path);
    expect(client.grantTypes).toEqual([JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT]);
    expect(client.redirectUris).toEqual(["https://app.example.com/callback"]);
    const html = await (await harness.get(path)).text();
    expect(html).toContain(`id="client-id">${client.clientId}<`);
    const secret = SECRET.exec(html)?.[1] ?? "";
    await expect(
      harness.engine.authenticateClient({ basic: { clientId: client.clientId, clientSecret: secret } }),
    ).resolves.toMatchObject({ clientId: client.clientId });
    // A reload: the same GET, which neither shows the secret again nor adds a client.
    const again = await (await harness.get(path)).text();
    expect(again).not.toContain(secret);
    expect(again).not.toMatch(SECRET);
    expect(await harness.engine.clients.list()).toHaveLength(1);
    expect(await (await harness.get("/console/clients")).text()).toContain("Orders app");
  });

  it("carries the secret in a sealed, HttpOnly cookie scoped to the clients' pages, never in the URL", async () => {
    const { harness, response, path } = await withClient();
    const [set] = response.headers.getSetCookie();
    expect(set).toMatch(
      /^jwtgrant_flash=[\w-]+; Max-Age=60; Path=\/console\/clients; HttpOnly; Secure; SameSite=Strict$/,
    );
    const sealed = harness.others.get("jwtgrant_flash") ?? "";
    expect(sealed).not.toContain("jgcs_");
    expect(response.headers.get("location")).toBe(path);
    const page = await harness.get(path);
    expect(page.headers.getSetCookie()).toEqual([
      "jwtgrant_flash=; Max-Age=0; Path=/console/clients; Secure",
    ]);
    expect(harness.others.has("jwtgrant_flash")).toBe(false);
  });

  it("shows the secret to no other session and not after a minute", async () => {
    const { harness, path } = await withClient();
    await harness.signIn();
    expect(await secretOn(harness, path)).toBe(null);

    const late = await withClient();
    late.harness.clock.advance(60);
    expect(await secretOn(late.harness, late.path)).toBe(null);

    const tampered = await withClient();
    const value = tampered.harness.others.get("jwtgrant_flash") ?? "";
    tampered.harness.others.set(
      "jwtgrant_flash",
      `${value.slice(0, -2)}${value.endsWith("AA") ? "AB" : "AA"}`,
    );
    expect(await secretOn(tampered.harness, tampered.path)).toBe(null);
  });

  it("shows a sealed secret only on its own client's page", async () => {
    const { harness } = await withClient();
    const other = await harness.engine.clients.create(BOOTSTRAP_ADMIN, { clientName: "Other" });
    expect(await secretOn(harness, `/console/clients/${other.client.clientId}`)).toBe(null);
  });

  it("ticks refresh_token by default in the new-client form and says what leaving it out does", async () => {
    const harness = await createConsoleHarness();
    await harness.signIn();
    const html = await (await harness.get("/console/clients/new")).text();
    expect(html).toContain(
      `name="grant_types" value="${REFRESH_TOKEN_GRANT}" checked="" aria-describedby="refresh-hint"`,
    );
    expect(html).toContain(
      '<p id="refresh-hint" class="hint">Without it the client gets no refresh token, whatever an issuer&#39;s rules allow.</p>',
    );
    expect(html).toMatch(/<details><summary>Advanced<\/summary>.*name="redirect_uris"/s);
    expect(html).toContain("the JWT bearer and refresh token grants never use them");
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

  it("rotates the secret and shows the new one once, after a redirect", async () => {
    const { harness, path } = await withClient();
    const first = await secretOn(harness, path);
    const rotated = await harness.submit(`${path}/secret`, {});
    expect(rotated.status).toBe(303);
    expect(rotated.headers.get("location")).toBe(path);
    const second = await secretOn(harness, path);
    expect(second).toMatch(/^jgcs_[\w-]{43}$/);
    expect(second).not.toBe(first);
    expect(await secretOn(harness, path)).toBe(null);
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

describe("console: editing a client", () => {
  const edited = {
    client_name: "Orders service",
    grant_types: [JWT_BEARER_GRANT],
    token_endpoint_auth_method: "client_secret_post",
    scope: "orders:read orders:write",
    trusted_issuers: "https://partner.example.com\nhttps://ci.example.com",
    resources: "https://api.example.com/orders\n\nurn:example:billing\n",
    access_token_ttl: "600",
    refresh_token_ttl: "86400",
    redirect_uris: "https://a.example.com/cb\nhttps://b.example.com/cb",
  };

  it("shows the client's settings in the edit form", async () => {
    const { harness, path } = await withClient();
    const html = await (await harness.get(`${path}/edit`)).text();
    expect(html).toContain(`action="${path}/edit"`);
    expect(html).toContain('value="Orders app" id="client_name" name="client_name"');
    expect(html).toContain('value="orders:read"');
    expect(html).toContain('<option value="client_secret_basic" selected="">');
    expect(html).toContain(">https://app.example.com/callback</textarea>");
  });

  it("saves every field through the admin use case, keeping the secret", async () => {
    const { harness, path, client } = await withClient();
    const response = await harness.submit(`${path}/edit`, edited);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(path);
    const saved = await harness.engine.clients.get(client.clientId);
    expect(saved).toMatchObject({
      clientName: "Orders service",
      grantTypes: [JWT_BEARER_GRANT],
      authMethod: "client_secret_post",
      scope: ["orders:read", "orders:write"],
      trustedIssuers: ["https://partner.example.com", "https://ci.example.com"],
      accessTokenTtl: 600,
      refreshTokenTtl: 86400,
      redirectUris: ["https://a.example.com/cb", "https://b.example.com/cb"],
      resources: ["https://api.example.com/orders", "urn:example:billing"],
      secretHash: client.secretHash,
    });
    const page = await (await harness.get(path)).text();
    expect(page).toContain("https://partner.example.com, https://ci.example.com");
    expect(page).toContain("<dd>600 s</dd>");
    expect(page).toContain(
      "<dt>Resources</dt><dd><code>https://api.example.com/orders</code>, <code>urn:example:billing</code></dd>",
    );
    expect(await (await harness.get(`${path}/edit`)).text()).toContain(
      ">https://api.example.com/orders\nurn:example:billing</textarea>",
    );
  });

  it("shows no resources as none, and adds a client with its resources", async () => {
    const { harness, path } = await withClient();
    expect(await (await harness.get(path)).text()).toContain("<dt>Resources</dt><dd>none</dd>");
    const form = await (await harness.get("/console/clients/new")).text();
    expect(form).toMatch(/<label for="resources">Resources<\/label>.*<textarea id="resources"/s);
    const added = await harness.submit("/console/clients", {
      client_name: "Stock",
      grant_types: [JWT_BEARER_GRANT],
      token_endpoint_auth_method: "none",
      resources: "https://api.example.com/stock",
    });
    expect(added.status).toBe(303);
    const stock = (await harness.engine.clients.list()).find((candidate) => candidate.clientName === "Stock");
    expect(stock?.resources).toEqual(["https://api.example.com/stock"]);
  });

  it("empties the trusted issuers, resources and lifetimes back to the defaults", async () => {
    const { harness, path, client } = await withClient();
    await harness.submit(`${path}/edit`, edited);
    await harness.submit(`${path}/edit`, {
      ...edited,
      trusted_issuers: "",
      resources: "",
      access_token_ttl: "",
      refresh_token_ttl: "",
    });
    expect(await harness.engine.clients.get(client.clientId)).toMatchObject({
      trustedIssuers: null,
      resources: [],
      accessTokenTtl: null,
      refreshTokenTtl: null,
    });
  });

  it("changes nothing on a refused edit, and keeps what was typed beside the error", async () => {
    const { harness, path, client } = await withClient();
    for (const [field, value, problem] of [
      [
        "access_token_ttl",
        "90000",
        "access_token_ttl: must be a whole number of seconds between 1 and 86400",
      ],
      [
        "refresh_token_ttl",
        "soon",
        "refresh_token_ttl: must be a whole number of seconds between 1 and 31536000",
      ],
      ["trusted_issuers", "https://ok.example.com\n\u0000", "trusted_issuers"],
      [
        "resources",
        "https://api.example.com/orders\n/relative",
        "resources\\[1\\]: must be an absolute URI without a fragment",
      ],
      [
        "resources",
        "https://api.example.com/orders#v2",
        "resources\\[0\\]: must be an absolute URI without a fragment",
      ],
    ] as const) {
      const response = await harness.submit(`${path}/edit`, { ...edited, [field]: value });
      expect(response.status, field).toBe(400);
      const html = await response.text();
      expect(html, field).toMatch(new RegExp(`id="${field}-error" class="error" role="alert">${problem}`));
      expect(html, field).toContain('value="Orders service"');
      expect(await harness.engine.clients.get(client.clientId), field).toEqual(client);
    }
  });

  it("refuses a JWK Set that is not JSON beside its field", async () => {
    const { harness, path, client } = await withClient();
    const response = await harness.submit(`${path}/edit`, {
      ...edited,
      token_endpoint_auth_method: "private_key_jwt",
      jwks: "{not json",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/id="jwks-error" class="error" role="alert">jwks: not valid JSON/);
    expect(html).toContain(">{not json</textarea>");
    expect(await harness.engine.clients.get(client.clientId)).toEqual(client);
  });

  it("switches a client to private_key_jwt with a JWKS URI", async () => {
    const { harness, path, client } = await withClient();
    const response = await harness.submit(`${path}/edit`, {
      ...edited,
      token_endpoint_auth_method: "private_key_jwt",
      jwks_uri: "https://orders.example.com/jwks.json",
    });
    expect(response.status).toBe(303);
    expect(await harness.engine.clients.get(client.clientId)).toMatchObject({
      authMethod: "private_key_jwt",
      secretHash: null,
      keySource: { kind: "jwks_uri", jwksUri: "https://orders.example.com/jwks.json" },
    });
    expect(await (await harness.get(`${path}/edit`)).text()).toContain(
      'value="https://orders.example.com/jwks.json"',
    );
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

describe("console: a client moved from another server", () => {
  const secret = "f3Jk9LmQ2rT8vWx4Zb6Nc1Pd5Hs7Ge0A";
  const form = (extra: Record<string, string>) => ({
    client_name: "Moved app",
    grant_types: [JWT_BEARER_GRANT],
    token_endpoint_auth_method: "client_secret_basic",
    scope: "",
    ...extra,
  });

  it("keeps its client_id and secret, and never shows the secret", async () => {
    const harness = await createConsoleHarness();
    await harness.signIn();
    expect(await (await harness.get("/console/clients/new")).text()).toContain('name="client_secret"');
    const response = await harness.submit(
      "/console/clients",
      form({ client_id: "wso2-moved", client_secret: secret }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/console/clients/wso2-moved");
    const page = await (await harness.get("/console/clients/wso2-moved")).text();
    expect(page).not.toContain(secret);
    expect(await secretOn(harness, "/console/clients/wso2-moved")).toBe(null);
    await expect(
      harness.engine.authenticateClient({ basic: { clientId: "wso2-moved", clientSecret: secret } }),
    ).resolves.toMatchObject({ clientId: "wso2-moved" });
  });

  it("refuses a weak secret beside its field, keeps the id, and never writes the secret back", async () => {
    const harness = await createConsoleHarness();
    await harness.signIn();
    const weak = "weak-secret-123";
    const response = await harness.submit(
      "/console/clients",
      form({ client_id: "wso2-weak", client_secret: weak }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/id="client_secret-error"[^>]*>client_secret: is too weak/);
    expect(html).toContain('value="wso2-weak"');
    expect(html).not.toContain(weak);
    expect(await harness.engine.clients.list()).toEqual([]);
  });
});
