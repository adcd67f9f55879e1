import { JWT_BEARER_GRANT, OAuthError, REFRESH_TOKEN_GRANT } from "@jwtgrant/core";
import { generateTestKey } from "@jwtgrant/core/testing";
import { describe, expect, it } from "vitest";
import { type AdminResponse, createAdminHarness, expectError, NOW } from "./admin-harness.js";

interface WithSecret {
  client_id: string;
  client_secret: string | null;
}

const secretOf = (response: AdminResponse) => response.json<WithSecret>();

describe("admin API: clients", () => {
  it("registers a client with the defaults and shows its secret once", async () => {
    const { request, engine } = createAdminHarness();
    const created = await request("POST", "/clients", { body: {} });
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    expect(created.json()).toStrictEqual({
      client_id: expect.any(String),
      client_name: null,
      grant_types: [JWT_BEARER_GRANT],
      scope: "",
      token_endpoint_auth_method: "client_secret_basic",
      redirect_uris: [],
      resources: [],
      trusted_issuers: null,
      access_token_ttl: null,
      refresh_token_ttl: null,
      created_at: NOW,
      updated_at: NOW,
      client_secret: expect.any(String),
    });
    const { client_id: clientId, client_secret: clientSecret } = secretOf(created);
    if (clientSecret === null) throw new Error("a client_secret_basic client has a secret");
    await expect(engine.authenticateClient({ basic: { clientId, clientSecret } })).resolves.toMatchObject({
      clientId,
    });

    for (const response of [await request("GET", `/clients/${clientId}`), await request("GET", "/clients")]) {
      expect(response.status).toBe(200);
      expect(response.text).not.toContain(clientSecret);
      expect(response.text).not.toContain('"client_secret"');
      expect(response.text).not.toContain("secret_hash");
    }
  });

  it("registers a client with every field and answers with the whole record", async () => {
    const { request } = createAdminHarness();
    const created = await request("POST", "/clients", {
      body: {
        client_name: "Batch jobs",
        grant_types: [JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT],
        scope: "read write",
        token_endpoint_auth_method: "client_secret_post",
        redirect_uris: ["https://app.example.com/callback"],
        resources: ["https://api.example.com/orders", "urn:example:billing"],
        trusted_issuers: null,
        access_token_ttl: 600,
        refresh_token_ttl: 7200,
      },
    });
    expect(created.status).toBe(201);
    const { client_id: clientId } = secretOf(created);
    const expected = {
      client_id: clientId,
      client_name: "Batch jobs",
      grant_types: [JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT],
      scope: "read write",
      token_endpoint_auth_method: "client_secret_post",
      redirect_uris: ["https://app.example.com/callback"],
      resources: ["https://api.example.com/orders", "urn:example:billing"],
      trusted_issuers: null,
      access_token_ttl: 600,
      refresh_token_ttl: 7200,
      created_at: NOW,
      updated_at: NOW,
    };
    expect(created.json()).toStrictEqual({ ...expected, client_secret: expect.any(String) });
    expect((await request("GET", `/clients/${clientId}`)).json()).toStrictEqual(expected);
    expect((await request("GET", "/clients")).json()).toStrictEqual({ items: [expected] });
  });

  it("registers private_key_jwt clients with an inline JWK Set or a JWKS URI, and no secret", async () => {
    const { request } = createAdminHarness();
    const key = await generateTestKey("ES256", "client-key");
    const inline = await request("POST", "/clients", {
      body: { token_endpoint_auth_method: "private_key_jwt", jwks: { keys: [key.publicJwk] } },
    });
    expect(inline.status).toBe(201);
    expect(inline.json()).toMatchObject({
      token_endpoint_auth_method: "private_key_jwt",
      jwks: { keys: [key.publicJwk] },
      client_secret: null,
    });
    expect(inline.json()).not.toHaveProperty("jwks_uri");

    const remote = await request("POST", "/clients", {
      body: { token_endpoint_auth_method: "private_key_jwt", jwks_uri: "https://app.example.com/jwks" },
    });
    expect(remote.json()).toMatchObject({ jwks_uri: "https://app.example.com/jwks", client_secret: null });
    expect(remote.json()).not.toHaveProperty("jwks");
  });

  it("patches a client without ever returning its secret", async () => {
    const { request, clock, engine } = createAdminHarness();
    const created = await request("POST", "/clients", { body: { client_name: "Old", scope: "read" } });
    const { client_id: clientId, client_secret: clientSecret } = secretOf(created);
    clock.advance(60);
    const patched = await request("PATCH", `/clients/${clientId}`, {
      body: { client_name: "New", scope: "read write", access_token_ttl: 300 },
    });
    expect(patched.status).toBe(200);
    expect(patched.json()).toStrictEqual({
      client_id: clientId,
      client_name: "New",
      grant_types: [JWT_BEARER_GRANT],
      scope: "read write",
      token_endpoint_auth_method: "client_secret_basic",
      redirect_uris: [],
      resources: [],
      trusted_issuers: null,
      access_token_ttl: 300,
      refresh_token_ttl: null,
      created_at: NOW,
      updated_at: "2026-01-01T00:01:00.000Z",
    });
    if (clientSecret === null) throw new Error("a client_secret_basic client has a secret");
    await expect(engine.authenticateClient({ basic: { clientId, clientSecret } })).resolves.toMatchObject({
      clientId,
    });
  });

  it("replaces a client's resources on PATCH, keeps them when the patch leaves them out, and clears them with []", async () => {
    const { request, engine } = createAdminHarness();
    const created = await request("POST", "/clients", {
      body: { resources: ["https://api.example.com/orders", "https://api.example.com/orders"] },
    });
    expect(created.json()).toMatchObject({ resources: ["https://api.example.com/orders"] });
    const { client_id: clientId } = secretOf(created);
    const replaced = await request("PATCH", `/clients/${clientId}`, {
      body: { resources: ["urn:example:billing", "https://api.example.com/stock"] },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.json()).toMatchObject({
      resources: ["urn:example:billing", "https://api.example.com/stock"],
    });
    await request("PATCH", `/clients/${clientId}`, { body: { scope: "read" } });
    expect((await engine.clients.get(clientId)).resources).toEqual([
      "urn:example:billing",
      "https://api.example.com/stock",
    ]);
    const cleared = await request("PATCH", `/clients/${clientId}`, { body: { resources: [] } });
    expect(cleared.json()).toMatchObject({ resources: [] });
    expect((await request("GET", `/clients/${clientId}`)).json()).toMatchObject({ resources: [] });
  });

  it("rotates the secret: the new one works, the old one stops working", async () => {
    const { request, engine } = createAdminHarness();
    const { client_id: clientId, client_secret: oldSecret } = secretOf(
      await request("POST", "/clients", { body: {} }),
    );
    const rotated = await request("POST", `/clients/${clientId}/secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.json()).toMatchObject({ client_id: clientId, client_secret: expect.any(String) });
    const { client_secret: newSecret } = secretOf(rotated);
    if (oldSecret === null || newSecret === null)
      throw new Error("a client_secret_basic client has a secret");
    expect(newSecret).not.toBe(oldSecret);

    await expect(
      engine.authenticateClient({ basic: { clientId, clientSecret: newSecret } }),
    ).resolves.toMatchObject({ clientId });
    const refused = engine.authenticateClient({ basic: { clientId, clientSecret: oldSecret } });
    await expect(refused).rejects.toBeInstanceOf(OAuthError);
    await expect(refused).rejects.toMatchObject({ code: "invalid_client" });
  });

  it("refuses a secret for a client that authenticates without one", async () => {
    const { request } = createAdminHarness();
    const created = await request("POST", "/clients", { body: { token_endpoint_auth_method: "none" } });
    expect(created.json()).toMatchObject({ client_secret: null });
    const response = await request("POST", `/clients/${secretOf(created).client_id}/secret`);
    expectError(
      response,
      400,
      "invalid_request",
      /^token_endpoint_auth_method: /,
      "token_endpoint_auth_method",
    );
  });

  it("deletes a client with 204, after which it is not found", async () => {
    const { request } = createAdminHarness();
    const { client_id: clientId } = secretOf(await request("POST", "/clients", { body: {} }));
    const deleted = await request("DELETE", `/clients/${clientId}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expectError(await request("GET", `/clients/${clientId}`), 404, "not_found");
  });

  it("answers 404 for an unknown client_id on every verb", async () => {
    const { request } = createAdminHarness();
    expectError(await request("GET", "/clients/nope"), 404, "not_found");
    expectError(await request("PATCH", "/clients/nope", { body: {} }), 404, "not_found");
    expectError(await request("DELETE", "/clients/nope"), 404, "not_found");
    expectError(await request("POST", "/clients/nope/secret"), 404, "not_found");
  });

  describe("refuses a bad request with 400 invalid_request naming the field", () => {
    it("a weak secret chosen by the caller, or a secret hash", async () => {
      const { request } = createAdminHarness();
      expectError(
        await request("POST", "/clients", { body: { client_secret: "my-own-secret" } }),
        400,
        "invalid_request",
        /^client_secret: is too weak/,
        "client_secret",
      );
      expectError(
        await request("POST", "/clients", { body: { secret_hash: "abc" } }),
        400,
        "invalid_request",
        /^secret_hash: is not a known field$/,
        "secret_hash",
      );
    });

    it("an unknown grant type or authentication method", async () => {
      const { request } = createAdminHarness();
      expectError(
        await request("POST", "/clients", { body: { grant_types: ["password"] } }),
        400,
        "invalid_request",
        /^grant_types: /,
        "grant_types",
      );
      expectError(
        await request("POST", "/clients", { body: { token_endpoint_auth_method: "tls_client_auth" } }),
        400,
        "invalid_request",
        /^token_endpoint_auth_method: /,
        "token_endpoint_auth_method",
      );
    });

    it("a lifetime that is not a whole number of seconds", async () => {
      const { request } = createAdminHarness();
      expectError(
        await request("POST", "/clients", { body: { access_token_ttl: 3.5 } }),
        400,
        "invalid_request",
        /^access_token_ttl: /,
        "access_token_ttl",
      );
      expectError(
        await request("POST", "/clients", { body: { refresh_token_ttl: -1 } }),
        400,
        "invalid_request",
        /^refresh_token_ttl: /,
        "refresh_token_ttl",
      );
    });

    it("a resource that is relative, has a fragment or is not a string, or too many resources; nothing changes", async () => {
      const { request, engine } = createAdminHarness();
      const created = await request("POST", "/clients", { body: { resources: ["urn:example:kept"] } });
      const { client_id: clientId } = secretOf(created);
      const problem = /^resources\[0\]: must be an absolute URI without a fragment/;
      for (const resources of [["/orders"], ["https://api.example.com/orders#v1"]]) {
        expectError(
          await request("POST", "/clients", { body: { resources } }),
          400,
          "invalid_request",
          problem,
          "resources[0]",
        );
        expectError(
          await request("PATCH", `/clients/${clientId}`, { body: { resources } }),
          400,
          "invalid_request",
          problem,
          "resources[0]",
        );
      }
      expectError(
        await request("PATCH", `/clients/${clientId}`, { body: { resources: [42] } }),
        400,
        "invalid_request",
        /^resources\[0\]: /,
        "resources[0]",
      );
      expectError(
        await request("PATCH", `/clients/${clientId}`, { body: { resources: "urn:example:one" } }),
        400,
        "invalid_request",
        /^resources: /,
        "resources",
      );
      const many = Array.from({ length: 51 }, (_, index) => `https://api.example.com/${index}`);
      expectError(
        await request("PATCH", `/clients/${clientId}`, { body: { resources: many } }),
        400,
        "invalid_request",
        /^resources: must list at most 50 resources$/,
        "resources",
      );
      const fifty = many.slice(0, 50);
      const bounded = await request("POST", "/clients", { body: { resources: fifty } });
      expect(bounded.json()).toMatchObject({ resources: fifty });
      expect(await engine.clients.list()).toHaveLength(2);
      expect((await engine.clients.get(clientId)).resources).toEqual(["urn:example:kept"]);
    });

    it("a JWK with private material", async () => {
      const { request } = createAdminHarness();
      const key = await generateTestKey("ES256");
      const response = await request("POST", "/clients", {
        body: {
          token_endpoint_auth_method: "private_key_jwt",
          jwks: { keys: [{ ...key.publicJwk, d: "c2VjcmV0" }] },
        },
      });
      expectError(response, 400, "invalid_request", /^jwks\.keys\[0\]: .*"d"/, "jwks.keys[0]");
    });

    it("malformed JSON", async () => {
      const { request } = createAdminHarness();
      expectError(
        await request("POST", "/clients", { rawBody: "{" }),
        400,
        "invalid_request",
        /not valid JSON/,
      );
    });
  });
});
