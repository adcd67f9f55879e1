import { describe, expect, it } from "vitest";
import { createHttpHarness } from "./support/http-harness.js";

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
      token_type: "access_token",
      client_id: h.client.clientId,
      sub: "svc-a",
      scope: "read",
      assertion_iss: "https://idp.example.com",
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
