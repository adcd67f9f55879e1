import { ASYMMETRIC_ALGORITHMS, JWT_BEARER_GRANT, TOKEN_EXCHANGE_GRANT } from "@jwtgrant/core";
import { describe, expect, it } from "vitest";
import { createHttpHarness, SERVER } from "./support/http-harness.js";

describe("discovery, JWKS, health and metrics", () => {
  it("publishes RFC 8414 metadata", async () => {
    const h = await createHttpHarness();
    const response = await h.app.request("/.well-known/oauth-authorization-server");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      issuer: SERVER,
      token_endpoint: `${SERVER}/oauth2/token`,
      jwks_uri: `${SERVER}/oauth2/jwks`,
      revocation_endpoint: `${SERVER}/oauth2/revoke`,
      introspection_endpoint: `${SERVER}/oauth2/introspect`,
      grant_types_supported: [JWT_BEARER_GRANT, "refresh_token", TOKEN_EXCHANGE_GRANT],
      response_types_supported: [],
      token_endpoint_auth_methods_supported: [
        "client_secret_basic",
        "client_secret_post",
        "private_key_jwt",
        "none",
      ],
      token_endpoint_auth_signing_alg_values_supported: [...ASYMMETRIC_ALGORITHMS],
      revocation_endpoint_auth_methods_supported: [
        "client_secret_basic",
        "client_secret_post",
        "private_key_jwt",
        "none",
      ],
      introspection_endpoint_auth_methods_supported: [
        "client_secret_basic",
        "client_secret_post",
        "private_key_jwt",
      ],
      authorization_grant_profiles_supported: ["urn:ietf:params:oauth:grant-profile:id-jag"],
    });
  });

  it("publishes the public signing keys, without private members", async () => {
    const h = await createHttpHarness();
    await h.exchange();
    const response = await h.app.request("/oauth2/jwks");
    expect(response.status).toBe(200);
    const jwks = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig" });
    expect(jwks.keys[0]).not.toHaveProperty("d");
  });

  it("answers liveness always and readiness by the storage", async () => {
    let up = true;
    const h = await createHttpHarness({
      ready: async () => {
        if (!up) throw new Error("down");
      },
    });
    expect((await h.app.request("/healthz")).status).toBe(200);
    expect((await h.app.request("/readyz")).status).toBe(200);
    up = false;
    expect((await h.app.request("/healthz")).status).toBe(200);
    expect((await h.app.request("/readyz")).status).toBe(503);
  });

  it("counts requests by endpoint, grant type, outcome and refusal reason, latency and replays", async () => {
    const h = await createHttpHarness();
    const assertion = await h.assertion();
    await h.post("/oauth2/token", { grant_type: JWT_BEARER_GRANT, assertion });
    await h.post("/oauth2/token", { grant_type: JWT_BEARER_GRANT, assertion });
    await h.post("/oauth2/token", { grant_type: "made-up-grant-type" });
    const text = await (await h.app.request("/metrics")).text();
    expect(text).toContain(
      `jwtgrant_requests_total{endpoint="token",grant_type="${JWT_BEARER_GRANT}",outcome="ok",reason=""} 1`,
    );
    expect(text).toContain(
      `jwtgrant_requests_total{endpoint="token",grant_type="${JWT_BEARER_GRANT}",outcome="invalid_grant",reason="assertion_replayed"} 1`,
    );
    expect(text).toContain(
      `jwtgrant_requests_total{endpoint="token",grant_type="unsupported",outcome="unsupported_grant_type",reason="grant_type_unsupported"} 1`,
    );
    expect(text).toContain('jwtgrant_request_duration_seconds_count{endpoint="token"} 3');
    expect(text).toContain("jwtgrant_replay_rejections_total 1");
  });
});

describe("the route table", () => {
  it("refuses an engine whose tokenEndpoint is not where the app serves the token endpoint", async () => {
    await expect(createHttpHarness({ engine: { tokenEndpoint: `${SERVER}/token` } })).rejects.toThrow(
      new TypeError(
        `the engine's tokenEndpoint (${SERVER}/token) must be ${SERVER}/oauth2/token, where the app serves the token endpoint`,
      ),
    );
  });

  it("serves the token endpoint at the URL the metadata advertises, under an issuer with a path", async () => {
    const issuer = "https://as.example.com/tenant-a";
    const h = await createHttpHarness({ engine: { issuer } });
    const metadata = (await (await h.app.request("/.well-known/oauth-authorization-server")).json()) as {
      token_endpoint: string;
    };
    expect(metadata.token_endpoint).toBe(`${issuer}/oauth2/token`);
    const path = new URL(metadata.token_endpoint).pathname.slice(new URL(issuer).pathname.length);
    const response = await h.post(path, {
      grant_type: JWT_BEARER_GRANT,
      assertion: await h.assertion({ aud: issuer }),
    });
    expect(response.status).toBe(200);
  });
});
