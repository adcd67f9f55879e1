import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { BOOTSTRAP_ADMIN } from "../src/domain/admin-actor.js";
import type { SigningAlgorithm } from "../src/domain/algorithms.js";
import { createHarness, IDP, SERVER } from "./support/harness.js";

describe("access tokens (RFC 9068)", () => {
  for (const alg of ["ES256", "RS256", "EdDSA"] as SigningAlgorithm[]) {
    it(`are ${alg} JWTs that verify against the published JWKS`, async () => {
      const h = await createHarness({ engine: { signingAlgorithm: alg } });
      const response = await h.exchange(await h.sign(h.claims({ sub: "svc-a" })), "read");
      const jwks = createLocalJWKSet(structuredClone(await h.engine.publishJwks()) as never);
      const { payload, protectedHeader } = await jwtVerify(response.accessToken, jwks, {
        typ: "at+jwt",
        currentDate: h.clock.now(),
      });
      expect(protectedHeader.alg).toBe(alg);
      const now = h.clock.nowSeconds();
      expect(payload).toMatchObject({
        iss: SERVER,
        sub: "svc-a",
        aud: SERVER,
        client_id: h.client.clientId,
        scope: "read",
        iat: now,
        exp: now + 3600,
        assertion_iss: IDP,
      });
      expect(typeof payload.jti).toBe("string");
      expect(response.expiresIn).toBe(3600);
    });
  }

  it("use the client's own lifetime when it has one", async () => {
    const h = await createHarness({ client: { accessTokenTtl: 300 } });
    const response = await h.exchange(await h.sign());
    expect(response.expiresIn).toBe(300);
  });

  it("carry a fresh jti each time", async () => {
    const h = await createHarness();
    const a = await h.exchange(await h.sign());
    const b = await h.exchange(await h.sign());
    const jti = (token: string) =>
      JSON.parse(atob(token.split(".")[1]?.replace(/-/g, "+").replace(/_/g, "/") ?? "")).jti;
    expect(jti(a.accessToken)).not.toBe(jti(b.accessToken));
  });

  it("keep verifying after a key rotation, and new tokens use the new key", async () => {
    const h = await createHarness();
    const before = await h.exchange(await h.sign());
    const rotated = await h.engine.signingKeys.rotate(BOOTSTRAP_ADMIN);
    const after = await h.exchange(await h.sign());
    expect(decodeProtectedHeader(after.accessToken).kid).toBe(rotated.kid);
    const published = await h.engine.publishJwks();
    expect(published.keys).toHaveLength(2);
    for (const token of [before.accessToken, after.accessToken]) {
      await expect(h.engine.introspectToken({ client: h.client, token })).resolves.toMatchObject({
        active: true,
      });
    }
  });

  it("drop a retired key from the JWKS once every token it signed has expired", async () => {
    const h = await createHarness();
    await h.exchange(await h.sign());
    await h.engine.signingKeys.rotate(BOOTSTRAP_ADMIN);
    h.clock.advance(3600 + 60);
    expect((await h.engine.publishJwks()).keys).toHaveLength(1);
  });

  it("never expose private key material", async () => {
    const h = await createHarness();
    await h.engine.ensureSigningKey();
    const text = JSON.stringify([await h.engine.publishJwks(), await h.engine.signingKeys.list()]);
    expect(text).not.toMatch(/"d"/);
  });
});
