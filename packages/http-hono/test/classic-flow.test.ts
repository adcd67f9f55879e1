import { JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT } from "@jwtgrant/core";
import { ecCertificate, importTestKey, signTestJws } from "@jwtgrant/core/testing";
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, basic, createHttpHarness, SERVER } from "./support/http-harness.js";

/**
 * The classic set-up, as an operator and a workload would go through it: register an issuer by its public
 * certificate and a client through the admin API, then exchange, verify, refresh, introspect and revoke.
 */
describe("the classic flow", () => {
  it("runs from registration to revocation over HTTP", async () => {
    const { app, clock } = await createHttpHarness();
    const admin = (path: string, body: unknown) =>
      app.request(`/admin${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const form = (path: string, params: Record<string, string>, credentials: string) =>
      app.request(path, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", authorization: credentials },
        body: new URLSearchParams(params).toString(),
      });

    // 1. The operator registers the partner's issuer with its public certificate.
    const issuerResponse = await admin("/issuers", {
      issuer: "https://partner.example.com",
      name: "Partner signing service",
      certificate: ecCertificate.certificate,
      subjects: ["batch-job"],
      scope: "orders:read orders:write",
    });
    expect(issuerResponse.status).toBe(201);

    // 2. … and a client allowed the jwt-bearer and refresh grants.
    const clientResponse = await admin("/clients", {
      client_name: "partner integration",
      grant_types: [JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT],
      scope: "orders:read",
    });
    expect(clientResponse.status).toBe(201);
    const { client_id, client_secret } = (await clientResponse.json()) as {
      client_id: string;
      client_secret: string;
    };
    const credentials = basic(client_id, client_secret);

    // 3. The partner signs an assertion with the certificate's private key.
    const partnerKey = await importTestKey("ES256", ecCertificate.testOnlyPrivateKeyPkcs8);
    const now = clock.nowSeconds();
    const assertion = await signTestJws(partnerKey, {
      iss: "https://partner.example.com",
      sub: "batch-job",
      aud: `${SERVER}/oauth2/token`,
      iat: now,
      exp: now + 120,
      jti: crypto.randomUUID(),
    });

    // 4. The client exchanges it at the token endpoint with HTTP Basic.
    const tokenResponse = await form(
      "/oauth2/token",
      { grant_type: JWT_BEARER_GRANT, assertion },
      credentials,
    );
    expect(tokenResponse.status).toBe(200);
    const tokens = (await tokenResponse.json()) as {
      access_token: string;
      refresh_token: string;
      scope: string;
    };
    expect(tokens.scope).toBe("orders:read");

    // 5. A resource server verifies the access token with the published JWKS.
    const jwks = (await (await app.request("/oauth2/jwks")).json()) as JSONWebKeySet;
    const { payload } = await jwtVerify(tokens.access_token, createLocalJWKSet(jwks), {
      issuer: SERVER,
      typ: "at+jwt",
      currentDate: clock.now(),
    });
    expect(payload).toMatchObject({
      sub: "batch-job",
      client_id,
      scope: "orders:read",
      assertion_iss: "https://partner.example.com",
    });

    // 6. Refresh, which rotates the refresh token.
    const refreshed = await form(
      "/oauth2/token",
      { grant_type: "refresh_token", refresh_token: tokens.refresh_token },
      credentials,
    );
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as { access_token: string };

    // 7. Introspect, revoke, introspect again.
    const introspect = async () =>
      (await (
        await form("/oauth2/introspect", { token: second.access_token }, credentials)
      ).json()) as Record<string, unknown>;
    expect(await introspect()).toMatchObject({
      active: true,
      sub: "batch-job",
      client_id,
      token_type: "Bearer",
    });
    const revoked = await form("/oauth2/revoke", { token: second.access_token }, credentials);
    expect(revoked.status).toBe(200);
    expect(await introspect()).toEqual({ active: false });
  });
});
