import { BOOTSTRAP_ADMIN, JWT_BEARER_GRANT } from "@jwtgrant/core";
import { describe, expect, it } from "vitest";
import { basic, createHttpHarness } from "./support/http-harness.js";

const json = async (response: Response) => (await response.json()) as Record<string, unknown>;

describe("POST /oauth2/revoke and /oauth2/introspect", () => {
  it("answers 200 for an unknown token, and revokes a known one", async () => {
    const h = await createHttpHarness();
    const unknown = await h.post("/oauth2/revoke", { token: "never-issued" });
    expect(unknown.status).toBe(200);
    expect(unknown.headers.get("cache-control")).toBe("no-store");
    const { access_token } = await json(await h.exchange());
    expect((await h.post("/oauth2/revoke", { token: String(access_token) })).status).toBe(200);
    expect(await json(await h.post("/oauth2/introspect", { token: String(access_token) }))).toEqual({
      active: false,
    });
  });

  it("introspects an active token in RFC 7662 shape", async () => {
    const h = await createHttpHarness();
    const { access_token } = await json(await h.exchange("read"));
    const response = await h.post("/oauth2/introspect", { token: String(access_token) });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await json(response)).toMatchObject({
      active: true,
      token_type: "Bearer",
      client_id: h.client.clientId,
      sub: "svc-a",
      scope: "read",
      assertion_iss: "https://idp.example.com",
    });
  });

  it("describes a refresh token to its client without a token_type, which only access tokens have", async () => {
    const h = await createHttpHarness();
    const { refresh_token } = await json(await h.exchange());
    const body = await json(await h.post("/oauth2/introspect", { token: String(refresh_token) }));
    expect(body).toMatchObject({ active: true, client_id: h.client.clientId, sub: "svc-a" });
    expect(body).not.toHaveProperty("token_type");
  });

  it("answers 401 invalid_client to a public client, and still serves a confidential resource server", async () => {
    const h = await createHttpHarness();
    const { client: publicClient } = await h.engine.clients.create(BOOTSTRAP_ADMIN, {
      tokenEndpointAuthMethod: "none",
    });
    const issued = await h.post(
      "/oauth2/token",
      { grant_type: JWT_BEARER_GRANT, assertion: await h.assertion(), client_id: publicClient.clientId },
      { authorization: "" },
    );
    expect(issued.status).toBe(200);
    const { access_token } = await json(issued);
    const refused = await h.post(
      "/oauth2/introspect",
      { token: String(access_token), client_id: publicClient.clientId },
      { authorization: "" },
    );
    expect(refused.status).toBe(401);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    expect(await json(refused)).toEqual({ error: "invalid_client", error_description: expect.any(String) });
    expect(h.logs.at(-1)).toMatchObject({ status: 401, reason: "client_not_confidential" });

    const { client: rs, clientSecret } = await h.engine.clients.create(BOOTSTRAP_ADMIN, {
      clientName: "resource server",
    });
    const served = await h.post(
      "/oauth2/introspect",
      { token: String(access_token) },
      { authorization: basic(rs.clientId, clientSecret ?? "") },
    );
    expect(await json(served)).toMatchObject({
      active: true,
      token_type: "Bearer",
      client_id: publicClient.clientId,
    });
  });

  it("requires client authentication and the token parameter", async () => {
    const h = await createHttpHarness();
    const anonymous = await h.post("/oauth2/introspect", { token: "x" }, { authorization: "" });
    expect(anonymous.status).toBe(401);
    const missing = await h.post("/oauth2/revoke", {});
    expect(missing.status).toBe(400);
    expect((await json(missing)).error).toBe("invalid_request");
  });
});
