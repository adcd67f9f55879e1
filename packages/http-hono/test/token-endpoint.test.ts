import { BOOTSTRAP_ADMIN, JWT_BEARER_GRANT, TOKEN_EXCHANGE_GRANT } from "@jwtgrant/core";
import { expectTokenResponse } from "@jwtgrant/core/testing";
import { describe, expect, it } from "vitest";
import { basic, createHttpHarness, IDP, SERVER } from "./support/http-harness.js";

const json = async (response: Response) => (await response.json()) as Record<string, unknown>;

describe("POST /oauth2/token", () => {
  it("exchanges an assertion: RFC 6749 §5.1 body and no-store headers", async () => {
    const h = await createHttpHarness();
    const response = await h.exchange("read");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("pragma")).toBe("no-cache");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    await expectTokenResponse(await json(response), {
      jwks: await h.engine.publishJwks(),
      issuer: SERVER,
      subject: "svc-a",
      clientId: h.client.clientId,
      assertionIssuer: IDP,
      scope: "read",
      refreshToken: true,
      expiresInSeconds: 3600,
      issuedAt: h.clock.now(),
    });
  });

  it("refreshes with the refresh_token grant", async () => {
    const h = await createHttpHarness();
    const first = await json(await h.exchange());
    const response = await h.post("/oauth2/token", {
      grant_type: "refresh_token",
      refresh_token: String(first.refresh_token),
    });
    expect(response.status).toBe(200);
    const { refreshToken } = await expectTokenResponse(await json(response), {
      jwks: await h.engine.publishJwks(),
      issuer: SERVER,
      subject: "svc-a",
      clientId: h.client.clientId,
      assertionIssuer: IDP,
      scope: "read write",
      refreshToken: true,
      expiresInSeconds: 3600,
      issuedAt: h.clock.now(),
    });
    expect(refreshToken).not.toBe(first.refresh_token);
  });

  it("answers invalid_grant for a bad assertion, with no-store headers", async () => {
    const h = await createHttpHarness();
    const response = await h.post("/oauth2/token", {
      grant_type: JWT_BEARER_GRANT,
      assertion: await h.assertion({ aud: "x" }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("pragma")).toBe("no-cache");
    expect(await json(response)).toEqual({
      error: "invalid_grant",
      error_description:
        "the aud claim does not name this authorization server; accepted: https://as.example.com, https://as.example.com/oauth2/token",
    });
  });

  it("answers invalid_request without grant_type and unsupported_grant_type for others", async () => {
    const h = await createHttpHarness();
    const missing = await h.post("/oauth2/token", { assertion: "x" });
    expect(missing.status).toBe(400);
    expect((await json(missing)).error).toBe("invalid_request");
    const other = await h.post("/oauth2/token", { grant_type: "password", username: "u", password: "p" });
    expect(other.status).toBe(400);
    expect(await json(other)).toEqual({
      error: "unsupported_grant_type",
      error_description: `the grant type is not supported; this server supports ${JWT_BEARER_GRANT}, refresh_token, ${TOKEN_EXCHANGE_GRANT}`,
    });
  });

  it("answers invalid_scope and unauthorized_client", async () => {
    const h = await createHttpHarness();
    const scope = await h.exchange("admin");
    expect((await json(scope)).error).toBe("invalid_scope");
    const { client, clientSecret } = await h.engine.clients.create(BOOTSTRAP_ADMIN, {
      grantTypes: ["refresh_token"],
    });
    const response = await h.post(
      "/oauth2/token",
      { grant_type: JWT_BEARER_GRANT, assertion: await h.assertion() },
      { authorization: basic(client.clientId, clientSecret ?? "") },
    );
    expect(response.status).toBe(400);
    expect((await json(response)).error).toBe("unauthorized_client");
  });

  it("answers invalid_client with 401 and a Basic challenge when Basic was used", async () => {
    const h = await createHttpHarness();
    const response = await h.post(
      "/oauth2/token",
      { grant_type: JWT_BEARER_GRANT, assertion: await h.assertion() },
      { authorization: basic(h.client.clientId, "wrong") },
    );
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Basic /);
    expect(await json(response)).toEqual({
      error: "invalid_client",
      error_description: "client authentication failed",
    });
  });

  it("answers invalid_client with 401 and no Basic challenge for client_secret_post", async () => {
    const h = await createHttpHarness();
    const { client } = await h.engine.clients.create(BOOTSTRAP_ADMIN, {
      tokenEndpointAuthMethod: "client_secret_post",
    });
    const response = await h.post(
      "/oauth2/token",
      `grant_type=${encodeURIComponent(JWT_BEARER_GRANT)}&client_id=${client.clientId}&client_secret=wrong`,
      { authorization: "" },
    );
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBeNull();
  });

  it("authenticates client_secret_post clients from the body", async () => {
    const h = await createHttpHarness();
    const { client, clientSecret } = await h.engine.clients.create(BOOTSTRAP_ADMIN, {
      tokenEndpointAuthMethod: "client_secret_post",
    });
    const response = await h.post(
      "/oauth2/token",
      {
        grant_type: JWT_BEARER_GRANT,
        assertion: await h.assertion(),
        client_id: client.clientId,
        client_secret: clientSecret ?? "",
      },
      { authorization: "" },
    );
    expect(response.status).toBe(200);
  });

  it("answers 503 temporarily_unavailable, with Retry-After, when storage is down", async () => {
    const h = await createHttpHarness();
    const assertion = await h.assertion();
    const { StorageUnavailableError } = await import("@jwtgrant/core");
    h.storage.replayGuard.claim = async () => {
      throw new StorageUnavailableError("connection refused");
    };
    const response = await h.post("/oauth2/token", { grant_type: JWT_BEARER_GRANT, assertion });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const body = await json(response);
    expect(body.error).toBe("temporarily_unavailable");
    expect(JSON.stringify(body)).not.toContain("connection refused");
  });

  it("answers 500 server_error with a generic description for an unexpected failure", async () => {
    const h = await createHttpHarness();
    const assertion = await h.assertion();
    h.storage.replayGuard.claim = async () => {
      throw new TypeError("secret internals at line 42");
    };
    const response = await h.post("/oauth2/token", { grant_type: JWT_BEARER_GRANT, assertion });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: "server_error",
      error_description: "the server met an unexpected condition",
    });
    expect(text).not.toMatch(/internals|at line|\.ts:/);
    expect(h.logs.at(-1)?.detail).toContain("secret internals");
  });
});
