import { base64url, createLocalJWKSet, flattenedVerify, importJWK, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { BOOTSTRAP_ADMIN } from "../domain/admin-actor.js";
import { ASYMMETRIC_ALGORITHMS, SIGNING_ALGORITHMS } from "../domain/algorithms.js";
import type { PublicJwk } from "../domain/jwk.js";
import { createEngine } from "../engine/create-engine.js";
import { createMemoryStorage } from "../memory/memory-storage.js";
import type { CompactJws, JwsCrypto } from "../ports/jws-crypto.js";
import { generateSigningKey } from "../tokens/generate-signing-key.js";
import { createFrozenClock } from "./frozen-clock.js";
import { signTestJws } from "./sign-test-jws.js";
import { generateShortRsaTestKey, generateTestKey } from "./test-keys.js";

/** jose types `key_ops` as mutable; the published key has none anyway. */
function withoutKeyOps({ key_ops: _ops, ...jwk }: PublicJwk) {
  return jwk;
}

function split(token: string): CompactJws {
  const [protectedHeader = "", payload = "", signature = ""] = token.split(".");
  return { protectedHeader, payload, signature };
}

/**
 * What every `JwsCrypto` must do, judged against jose on Web Crypto: the same signatures verify, the same
 * forgeries fail, and tokens it signs verify with jose. A runtime-native implementation proves itself here.
 */
export function describeJwsCryptoContract(name: string, create: () => JwsCrypto): void {
  describe(`JwsCrypto contract: ${name}`, () => {
    for (const alg of ASYMMETRIC_ALGORITHMS) {
      it(`verifies ${alg} signatures made by jose, and refuses forgeries`, async () => {
        const crypto = create();
        const key = await generateTestKey(alg, "k");
        const jws = split(await signTestJws(key, { sub: "x" }));
        expect(await crypto.verify(jws, alg, key.publicJwk)).toBe(true);
        const other = await generateTestKey(alg, "k");
        expect(await crypto.verify(jws, alg, other.publicJwk)).toBe(false);
        const tampered = base64url.encode(new TextEncoder().encode(JSON.stringify({ sub: "y" })));
        expect(await crypto.verify({ ...jws, payload: tampered }, alg, key.publicJwk)).toBe(false);
        const zero = base64url.encode(new Uint8Array(base64url.decode(jws.signature).length));
        expect(await crypto.verify({ ...jws, signature: zero }, alg, key.publicJwk)).toBe(false);
        expect(await crypto.verify({ ...jws, signature: "" }, alg, key.publicJwk)).toBe(false);
      });
    }

    it("digests like SHA-256, base64url-encoded", async () => {
      expect(await create().sha256("abc")).toBe("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
      expect(await create().sha256("jgcs_é")).not.toBe(await create().sha256("jgcs_e"));
    });

    it("refuses a signature under an algorithm that does not fit the key", async () => {
      const crypto = create();
      const rsa = await generateTestKey("RS256", "k");
      const jws = split(await signTestJws(rsa, { sub: "x" }));
      expect(await crypto.verify(jws, "PS256", rsa.publicJwk)).toBe(false);
      expect(await crypto.verify(jws, "ES256", rsa.publicJwk)).toBe(false);
      const ec = await generateTestKey("ES256", "k");
      expect(await crypto.verify(split(await signTestJws(ec, { sub: "x" })), "ES384", ec.publicJwk)).toBe(
        false,
      );
    });

    it("refuses an RSA key under 2048 bits, even with its modulus padded by leading zero bytes", async () => {
      const crypto = create();
      const short = await generateShortRsaTestKey(1024);
      const padded = await generateShortRsaTestKey(1024, 128);
      for (const key of [short, padded]) {
        const jws = split(await signTestJws(key, { sub: "x" }));
        expect(await crypto.verify(jws, "RS256", key.publicJwk)).toBe(false);
      }
    });

    for (const alg of SIGNING_ALGORITHMS) {
      it(`signs ${alg} tokens that jose verifies`, async () => {
        const crypto = create();
        const key = await generateSigningKey(alg, new Date());
        const token = await crypto.sign(
          { alg, kid: key.kid, typ: "at+jwt" },
          new TextEncoder().encode('{"sub":"s"}'),
          key,
        );
        const [protectedHeader = "", payload = "", signature = ""] = token.split(".");
        const verified = await flattenedVerify(
          { protected: protectedHeader, payload, signature },
          await importJWK(withoutKeyOps(key.publicJwk), alg),
        );
        expect(verified.protectedHeader).toEqual({ alg, kid: key.kid, typ: "at+jwt" });
        expect(new TextDecoder().decode(verified.payload)).toBe('{"sub":"s"}');
      });
    }

    it("runs a whole exchange inside the engine", async () => {
      const clock = createFrozenClock(new Date());
      const engine = createEngine(
        { storage: createMemoryStorage({ clock }), clock, crypto: create() },
        { issuer: "https://as.example.com" },
      );
      const key = await generateTestKey("ES256", "k1");
      await engine.issuers.create(BOOTSTRAP_ADMIN, {
        issuer: "https://idp.example.com",
        jwks: { keys: [key.publicJwk] },
      });
      const { client } = await engine.clients.create(BOOTSTRAP_ADMIN, {});
      const now = clock.nowSeconds();
      const claims = {
        iss: "https://idp.example.com",
        sub: "svc",
        aud: "https://as.example.com",
        exp: now + 60,
        jti: "j",
      };
      const assertion = await signTestJws(key, claims, { kid: "k1" });
      const { accessToken } = await engine.exchangeJwtBearer({ client, assertion, scope: undefined });
      const jwks = createLocalJWKSet(JSON.parse(JSON.stringify(await engine.publishJwks())));
      const { payload } = await jwtVerify(accessToken, jwks, { currentDate: clock.now() });
      expect(payload.sub).toBe("svc");
      const forged = `${assertion.slice(0, assertion.lastIndexOf(".") + 1)}${"A".repeat(86)}`;
      await expect(
        engine.exchangeJwtBearer({ client, assertion: forged, scope: undefined }),
      ).rejects.toMatchObject({
        reason: "bad_signature",
      });
    });
  });
}
