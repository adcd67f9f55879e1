import { BOOTSTRAP_ADMIN, JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT, TOKEN_EXCHANGE_GRANT } from "@jwtgrant/core";
import { signTestJws } from "@jwtgrant/core/testing";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { createHttpHarness, IDP, SERVER } from "./support/http-harness.js";

const API = "https://api.example.com/";
const LEDGER = "urn:example:ledger";

async function crossAppHarness() {
  const h = await createHttpHarness();
  await h.engine.clients.update(BOOTSTRAP_ADMIN, h.client.clientId, {
    grantTypes: [JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT, TOKEN_EXCHANGE_GRANT],
    resources: [API, LEDGER],
  });
  return h;
}

describe("POST /oauth2/token: resources, ID-JAGs and token exchange on the wire", () => {
  it("takes resource repeated in the form, and answers the resources and the aud array", async () => {
    const h = await crossAppHarness();
    const form = new URLSearchParams([
      ["grant_type", JWT_BEARER_GRANT],
      ["assertion", await h.assertion()],
      ["resource", API],
      ["resource", LEDGER],
    ]);
    const response = await h.post("/oauth2/token", form.toString());
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.resource).toStrictEqual([API, LEDGER]);
    expect(decodeJwt(body.access_token).aud).toStrictEqual([API, LEDGER]);
  });

  it("answers 400 invalid_target for a resource the client may not have, and invalid_request for another repeated parameter", async () => {
    const h = await crossAppHarness();
    const refused = await h.post("/oauth2/token", {
      grant_type: JWT_BEARER_GRANT,
      assertion: await h.assertion(),
      resource: "https://elsewhere.example/",
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toStrictEqual({
      error: "invalid_target",
      error_description: "resource parameter 1 is not a resource this client may request",
    });
    const repeated = await h.post(
      "/oauth2/token",
      new URLSearchParams([
        ["grant_type", JWT_BEARER_GRANT],
        ["assertion", await h.assertion()],
        ["assertion", await h.assertion()],
      ]).toString(),
    );
    expect(repeated.status).toBe(400);
    expect(await repeated.json()).toMatchObject({ error: "invalid_request" });
  });

  it("redeems an ID-JAG without a refresh token, reporting its resource", async () => {
    const h = await crossAppHarness();
    const now = h.clock.nowSeconds();
    const idJag = await signTestJws(
      h.key,
      {
        iss: IDP,
        sub: "U019488227",
        aud: SERVER,
        client_id: h.client.clientId,
        jti: "9e43f81b64a33f20116179",
        exp: now + 300,
        iat: now,
        resource: API,
        scope: "read",
      },
      { kid: h.key.publicJwk.kid, typ: "oauth-id-jag+jwt" },
    );
    const response = await h.post("/oauth2/token", { grant_type: JWT_BEARER_GRANT, assertion: idJag });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(Object.keys(body).sort()).toStrictEqual([
      "access_token",
      "expires_in",
      "resource",
      "scope",
      "token_type",
    ]);
    expect(body).toMatchObject({ token_type: "Bearer", scope: "read", resource: API });
  });

  it("answers a token exchange with issued_token_type, and no refresh token", async () => {
    const h = await crossAppHarness();
    const response = await h.post("/oauth2/token", {
      grant_type: TOKEN_EXCHANGE_GRANT,
      subject_token: await h.assertion(),
      subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
      audience: LEDGER,
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toStrictEqual({
      access_token: expect.any(String),
      issued_token_type: "urn:ietf:params:oauth:token-type:access_token",
      token_type: "Bearer",
      expires_in: 3600,
      scope: "read write",
      resource: LEDGER,
    });
    const introspected = await h.post("/oauth2/introspect", { token: body.access_token });
    expect(await introspected.json()).toMatchObject({ active: true, aud: LEDGER, sub: "svc-a" });
  });
});
