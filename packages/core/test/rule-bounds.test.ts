import { base64url, CompactSign, importJWK } from "jose";
import { describe, expect, it } from "vitest";
import { BOOTSTRAP_ADMIN } from "../src/domain/admin-actor.js";
import { generateShortRsaTestKey } from "../src/testing/test-keys.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness, sharedTestKey } from "./support/harness.js";

describe("bounds on untrusted values", () => {
  it("refuses a sub over 1024 characters and a jti over 256", async () => {
    const h = await createHarness();
    await h.expectIssued(h.exchange(await h.sign(h.claims({ sub: "s".repeat(1024) }))), {
      subject: "s".repeat(1024),
    });
    await expectOAuthError(
      h.exchange(await h.sign(h.claims({ sub: "s".repeat(1025) }))),
      "invalid_grant",
      "sub_invalid",
    );
    await h.expectIssued(h.exchange(await h.sign(h.claims({ jti: "j".repeat(256) }))));
    await expectOAuthError(
      h.exchange(await h.sign(h.claims({ jti: "j".repeat(257) }))),
      "invalid_grant",
      "jti_invalid",
    );
  });
});

describe("key material at registration", () => {
  it("refuses an RSA key under 2048 bits", async () => {
    const h = await createHarness();
    const key = await sharedTestKey("RS256");
    if (key.publicJwk.kty !== "RSA") throw new Error("expected an RSA key");
    const short = { ...key.publicJwk, n: key.publicJwk.n.slice(0, 171) };
    const error = await expectOAuthError(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, { issuer: "https://short.example", jwks: { keys: [short] } }),
      "invalid_request",
    );
    expect(error.description).toMatch(/2048/);
  });

  it("counts the bits of an RSA modulus, not its text: leading zero bytes do not make a short key long", async () => {
    const h = await createHarness();
    const padded = await generateShortRsaTestKey(1024, 128);
    if (padded.publicJwk.kty !== "RSA") throw new Error("expected an RSA key");
    expect(padded.publicJwk.n).toHaveLength(342);
    const error = await expectOAuthError(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, {
        issuer: "https://padded.example",
        jwks: { keys: [padded.publicJwk] },
      }),
      "invalid_request",
      "invalid_field",
    );
    expect(error.description).toMatch(/^jwks\.keys\[0\]: .*2048 bits/);
    expect(await h.storage.trustedIssuers.findByIssuer("https://padded.example")).toBeNull();

    const key = await sharedTestKey("RS256");
    if (key.publicJwk.kty !== "RSA") throw new Error("expected an RSA key");
    const zeroPrefixed = {
      ...key.publicJwk,
      n: base64url.encode(new Uint8Array([0, ...base64url.decode(key.publicJwk.n)])),
    };
    await expect(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, {
        issuer: "https://prefixed.example",
        jwks: { keys: [zeroPrefixed] },
      }),
    ).resolves.toMatchObject({ issuer: "https://prefixed.example" });
  });

  it("refuses a JWKS URI that carries credentials", async () => {
    const h = await createHarness();
    await expectOAuthError(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, {
        issuer: "x",
        jwksUri: "https://user:pass@idp.example/jwks",
      }),
      "invalid_request",
    );
  });
});

describe("access tokens presented back", () => {
  it("are active only when typed at+jwt, even when signed with the server's own key", async () => {
    const h = await createHarness();
    await h.exchange(await h.sign());
    const key = await h.storage.signingKeys.findActive();
    if (key === null) throw new Error("no signing key");
    const now = h.clock.nowSeconds();
    const claims = {
      iss: h.engine.settings.issuer,
      sub: "svc-a",
      aud: h.engine.settings.issuer,
      client_id: h.client.clientId,
      jti: "x",
      iat: now,
      exp: now + 60,
      assertion_iss: "i",
    };
    const sign = async (typ: string) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
        .setProtectedHeader({ alg: key.alg, kid: key.kid, typ })
        .sign(await importJWK(key.privateJwk, key.alg));
    await expect(
      h.engine.introspectToken({ client: h.client, token: await sign("at+jwt") }),
    ).resolves.toMatchObject({ active: true });
    await expect(h.engine.introspectToken({ client: h.client, token: await sign("JWT") })).resolves.toEqual({
      active: false,
    });
  });
});
