import { base64url } from "jose";
import { describe, expect, it } from "vitest";
import { generateTestKey } from "../src/testing/test-keys.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness, sharedTestKey } from "./support/harness.js";

const b64 = (value: unknown) => base64url.encode(new TextEncoder().encode(JSON.stringify(value)));

async function hmac(secret: string, input: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return base64url.encode(
    new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(input))),
  );
}

describe("JOSE header rules (step 3)", () => {
  it("refuses alg none", async () => {
    const h = await createHarness();
    await expectOAuthError(h.exchange(`${b64({ alg: "none" })}.${b64(h.claims())}.`), "invalid_grant");
    const withSig = `${b64({ alg: "none" })}.${b64(h.claims())}.${b64("x")}`;
    await expectOAuthError(h.exchange(withSig), "invalid_grant", "alg_not_allowed");
  });

  it("refuses HS256 signed with the issuer's public key as the HMAC secret", async () => {
    const h = await createHarness();
    const input = `${b64({ alg: "HS256", kid: "k1" })}.${b64(h.claims())}`;
    for (const secret of [
      JSON.stringify(h.key.publicJwk),
      h.key.publicJwk.kty === "EC" ? h.key.publicJwk.x : "",
    ]) {
      await expectOAuthError(
        h.exchange(`${input}.${await hmac(secret, input)}`),
        "invalid_grant",
        "alg_not_allowed",
      );
    }
  });

  it("refuses an alg outside the issuer's allow-list even when the key would verify it", async () => {
    const h = await createHarness({ alg: "RS256", issuer: { algorithms: ["PS256"] } });
    await expectOAuthError(h.exchange(await h.sign()), "invalid_grant", "alg_not_allowed");
  });

  it("refuses an alg the key does not imply when the issuer has no allow-list", async () => {
    const h = await createHarness({ alg: "RS256" });
    const ps = await generateTestKey("PS256", "k1");
    const rsaAsPs = { ...ps, privateKey: ps.privateKey, publicJwk: h.key.publicJwk };
    await expectOAuthError(h.exchange(await h.sign(h.claims(), {}, rsaAsPs)), "invalid_grant", "unknown_key");
  });

  it("refuses any crit header, since no extension is supported", async () => {
    const h = await createHarness();
    await expectOAuthError(
      h.exchange(await h.sign(h.claims(), { crit: ["exp"], exp: 1 })),
      "invalid_grant",
      "crit_unsupported",
    );
  });

  it("never uses a key embedded in the header (jwk, jku, x5u, x5c)", async () => {
    const h = await createHarness();
    const attacker = await generateTestKey("ES256", "k1");
    const embedded = {
      jwk: attacker.publicJwk,
      jku: "https://evil.example/jwks",
      x5u: "https://evil.example/cert.pem",
      x5c: ["MIIBattackercert"],
    };
    await expectOAuthError(
      h.exchange(await h.sign(h.claims(), embedded, attacker)),
      "invalid_grant",
      "bad_signature",
    );
    await expectOAuthError(
      h.exchange(await h.sign(h.claims(), { ...embedded, kid: undefined }, attacker)),
      "invalid_grant",
      "bad_signature",
    );
  });

  it("ignores those header members on an assertion the issuer really signed", async () => {
    const h = await createHarness();
    const header = { jku: "https://evil.example/jwks", x5u: "https://evil.example/c.pem", x5c: ["MIIB"] };
    await h.expectIssued(h.exchange(await h.sign(h.claims(), header)));
  });

  it("refuses an unknown kid, saying what was looked for", async () => {
    const h = await createHarness();
    const error = await expectOAuthError(
      h.exchange(await h.sign(h.claims(), { kid: "k2" })),
      "invalid_grant",
      "unknown_key",
    );
    expect(error.description).toBe('no key of the issuer has kid "k2" and fits alg ES256');
    const long = await expectOAuthError(
      h.exchange(await h.sign(h.claims(), { kid: "k".repeat(300) })),
      "invalid_grant",
    );
    expect(long.description).toBe(`no key of the issuer has kid "${"k".repeat(64)}…" and fits alg ES256`);
  });

  it("says an assertion without kid was matched by key type and alg", async () => {
    const h = await createHarness({ alg: "RS256" });
    const es = await sharedTestKey("ES256", "other");
    const error = await expectOAuthError(
      h.exchange(await h.sign(h.claims(), { kid: undefined }, es)),
      "invalid_grant",
      "unknown_key",
    );
    expect(error.description).toBe(
      "no key of the issuer fits alg ES256; the assertion has no kid, so the issuer's keys were matched by type and alg",
    );
  });

  it("treats a kid with path or SQL characters as just an unknown kid", async () => {
    const h = await createHarness();
    for (const kid of ["../../../etc/passwd", "' OR '1'='1' --", "k1\u0000", "k1/../k1"]) {
      await expectOAuthError(h.exchange(await h.sign(h.claims(), { kid })), "invalid_grant", "unknown_key");
    }
  });

  it("refuses a kid that is not a string", async () => {
    const h = await createHarness();
    await expectOAuthError(
      h.exchange(await h.sign(h.claims(), { kid: 1 })),
      "invalid_grant",
      "assertion_malformed",
    );
  });
});

describe("signature (step 4)", () => {
  it("refuses an all-zero ECDSA signature", async () => {
    const h = await createHarness();
    const [head, payload] = (await h.sign()).split(".");
    const zero = base64url.encode(new Uint8Array(64));
    await expectOAuthError(h.exchange(`${head}.${payload}.${zero}`), "invalid_grant", "bad_signature");
  });

  it("refuses a tampered payload", async () => {
    const h = await createHarness();
    const claims = h.claims();
    const [head, , sig] = (await h.sign(claims)).split(".");
    await expectOAuthError(
      h.exchange(`${head}.${b64({ ...claims, sub: "admin" })}.${sig}`),
      "invalid_grant",
      "bad_signature",
    );
  });

  it("refuses a signature by another key under the issuer's kid", async () => {
    const h = await createHarness();
    const other = await generateTestKey("ES256", "k1");
    await expectOAuthError(h.exchange(await h.sign(h.claims(), {}, other)), "invalid_grant", "bad_signature");
  });
});
