import { describe, expect, it } from "vitest";
import type { AsymmetricAlgorithm } from "../src/domain/algorithms.js";
import type { PublicJwk } from "../src/domain/jwk.js";
import { certificateToJwk } from "../src/keys/certificate-to-jwk.js";
import type { DiscoveredJwksUris } from "../src/keys/discovered-jwks-uris.js";
import { createKeyResolver, MAX_CACHED_CERTIFICATES } from "../src/keys/key-resolver.js";
import type { RemoteJwks } from "../src/keys/remote-jwks.js";
import type { Fetch } from "../src/ports/fetch.js";
import { ecCertificate, ed25519Certificate, rsaCertificate } from "../src/testing/test-certificates.js";
import { importTestKey } from "../src/testing/test-keys.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness, sharedTestKey } from "./support/harness.js";

describe("key source: PEM X.509 certificate", () => {
  for (const fixture of [rsaCertificate, ecCertificate, ed25519Certificate]) {
    it(`accepts a ${fixture.alg} assertion verified with the issuer's certificate`, async () => {
      const h = await createHarness({ issuer: { jwks: undefined, certificate: fixture.certificate } });
      const key = await importTestKey(fixture.alg, fixture.testOnlyPrivateKeyPkcs8);
      expect(key.publicJwk).toEqual(await certificateToJwk(fixture.certificate));
      const response = await h.exchange(await h.sign(h.claims(), { kid: "any-kid" }, key));
      expect(response.tokenType).toBe("Bearer");
    });
  }

  it("refuses an assertion signed by another key", async () => {
    const h = await createHarness({ issuer: { jwks: undefined, certificate: ecCertificate.certificate } });
    await expectOAuthError(h.exchange(await h.sign()), "invalid_grant", "bad_signature");
  });
});

// Over a thousand certificates parsed: quick alone, slow on a busy machine, so a long timeout.
describe("parsed certificates in memory", { timeout: 60_000 }, () => {
  const unusedRemote: RemoteJwks = {
    keys: () => Promise.reject(new Error("no JWKS URI here")),
    refresh: () => Promise.reject(new Error("no JWKS URI here")),
  };
  const unusedDiscovery: DiscoveredJwksUris = {
    get: () => Promise.reject(new Error("no discovery here")),
    refresh: () => Promise.reject(new Error("no discovery here")),
  };
  // Distinct texts of one certificate: blank lines after the BEGIN line do not change what it holds.
  const variant = (i: number) => ({
    kind: "certificate" as const,
    certificate: ecCertificate.certificate.replace("-----\n", `-----\n${"\n".repeat(i)}`),
  });

  it("drops the least recently used certificate when full, not every certificate", async () => {
    const resolver = createKeyResolver(unusedRemote, unusedDiscovery);
    const keyOf = async (i: number) => (await resolver.keysOf(variant(i)))[0];
    const first = await keyOf(0);
    const second = await keyOf(1);
    expect(first).toEqual(second);
    for (let i = 2; i < MAX_CACHED_CERTIFICATES; i += 1) await keyOf(i);
    expect(await keyOf(0)).toBe(first);
    await keyOf(MAX_CACHED_CERTIFICATES);
    expect(await keyOf(0)).toBe(first);
    expect(await keyOf(1)).not.toBe(second);
  });
});

describe("key source: inline JWK Set, per algorithm family", () => {
  const cases: { alg: AsymmetricAlgorithm; algorithms?: string[] }[] = [
    { alg: "RS256" },
    { alg: "PS256", algorithms: ["PS256"] },
    { alg: "ES256" },
    { alg: "ES384" },
    { alg: "ES512" },
    { alg: "EdDSA" },
  ];
  for (const { alg, algorithms } of cases) {
    it(`accepts ${alg}`, async () => {
      const h = await createHarness({ alg, issuer: algorithms === undefined ? {} : { algorithms } });
      await h.expectIssued(h.exchange(await h.sign()));
    });
  }

  it("accepts PS256 from an RSA key whose JWK names alg PS256", async () => {
    const key = await sharedTestKey("PS256");
    const h = await createHarness({
      alg: "PS256",
      issuer: { jwks: { keys: [{ ...key.publicJwk, alg: "PS256" }] } },
    });
    await h.expectIssued(h.exchange(await h.sign()));
  });

  it("selects the key by kid among several", async () => {
    const k1 = await sharedTestKey("ES256", "k1");
    const k2 = await sharedTestKey("ES256", "k2");
    const h = await createHarness({ issuer: { jwks: { keys: [k1.publicJwk, k2.publicJwk] } } });
    await h.expectIssued(h.exchange(await h.sign(h.claims(), {}, k2)));
    await h.expectIssued(h.exchange(await h.sign(h.claims(), { kid: undefined }, k2)));
  });

  it("ignores a key marked for encryption", async () => {
    const key = await sharedTestKey("ES256");
    const h = await createHarness({ issuer: { jwks: { keys: [{ ...key.publicJwk, use: "enc" }] } } });
    await expectOAuthError(h.exchange(await h.sign()), "invalid_grant", "unknown_key");
  });
});

interface StubbedJwks {
  fetch: Fetch;
  calls: () => number;
  serve: (keys: readonly PublicJwk[] | string, status?: number) => void;
}

function stubJwks(initial: readonly PublicJwk[]): StubbedJwks {
  let body: string = JSON.stringify({ keys: initial });
  let status = 200;
  let calls = 0;
  return {
    fetch: async () => {
      calls += 1;
      return new Response(body, { status, headers: { "content-type": "application/json" } });
    },
    calls: () => calls,
    serve: (keys, nextStatus = 200) => {
      body = typeof keys === "string" ? keys : JSON.stringify({ keys });
      status = nextStatus;
    },
  };
}

const JWKS_URI = "https://idp.example.com/.well-known/jwks.json";

async function remoteHarness(stub: StubbedJwks, engine = {}) {
  return createHarness({
    issuer: { jwks: undefined, jwksUri: JWKS_URI },
    deps: { fetch: stub.fetch },
    engine,
  });
}

describe("key source: JWKS URI", () => {
  it("fetches the key set once and serves it from the cache", async () => {
    const k1 = await sharedTestKey("ES256", "k1");
    const stub = stubJwks([k1.publicJwk]);
    const h = await remoteHarness(stub);
    await h.exchange(await h.sign());
    await h.exchange(await h.sign());
    expect(stub.calls()).toBe(1);
  });

  it("fetches again once the cache max age has passed", async () => {
    const stub = stubJwks([(await sharedTestKey("ES256", "k1")).publicJwk]);
    const h = await remoteHarness(stub, { jwksCacheMaxAgeSeconds: 60 });
    await h.exchange(await h.sign());
    h.clock.advance(61);
    await h.exchange(await h.sign());
    expect(stub.calls()).toBe(2);
  });

  it("refetches once for an unknown kid, then not again within the cooldown", async () => {
    const k1 = await sharedTestKey("ES256", "k1");
    const k2 = await sharedTestKey("ES256", "k2");
    const stub = stubJwks([k1.publicJwk]);
    const h = await remoteHarness(stub, { jwksCooldownSeconds: 30 });
    await h.exchange(await h.sign());
    h.clock.advance(31);
    stub.serve([k1.publicJwk, k2.publicJwk]);
    await h.expectIssued(h.exchange(await h.sign(h.claims(), {}, k2)));
    expect(stub.calls()).toBe(2);

    for (const kid of ["k3", "k4", "k5"]) {
      await expectOAuthError(
        h.exchange(await h.sign(h.claims(), { kid }, k2)),
        "invalid_grant",
        "unknown_key",
      );
    }
    expect(stub.calls()).toBe(2);
    h.clock.advance(31);
    await expectOAuthError(
      h.exchange(await h.sign(h.claims(), { kid: "k6" }, k2)),
      "invalid_grant",
      "unknown_key",
    );
    expect(stub.calls()).toBe(3);
  });

  it("keeps serving the last key set while the endpoint fails", async () => {
    const stub = stubJwks([(await sharedTestKey("ES256", "k1")).publicJwk]);
    const h = await remoteHarness(stub, { jwksCacheMaxAgeSeconds: 60 });
    await h.exchange(await h.sign());
    stub.serve("oops", 500);
    h.clock.advance(61);
    await h.expectIssued(h.exchange(await h.sign()));
  });

  it("answers temporarily_unavailable when the key set cannot be fetched at all", async () => {
    const stub = stubJwks([]);
    stub.serve("oops", 500);
    const h = await remoteHarness(stub);
    await expectOAuthError(h.exchange(await h.sign()), "temporarily_unavailable", "jwks_unavailable");
  });

  it("refuses a key set larger than the limit", async () => {
    const k1 = await sharedTestKey("ES256", "k1");
    const stub = stubJwks([k1.publicJwk, ...Array.from({ length: 50 }, () => k1.publicJwk)]);
    const h = await remoteHarness(stub, { jwksMaxResponseBytes: 1024 });
    await expectOAuthError(h.exchange(await h.sign()), "temporarily_unavailable", "jwks_unavailable");
  });

  it("gives up on a fetch that does not answer within the timeout", async () => {
    const hanging: Fetch = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
      );
    const h = await createHarness({
      issuer: { jwks: undefined, jwksUri: JWKS_URI },
      deps: { fetch: hanging },
      engine: { jwksTimeoutMs: 50 },
    });
    await expectOAuthError(h.exchange(await h.sign()), "temporarily_unavailable", "jwks_unavailable");
  });

  it("skips keys of a published set that are not usable signature keys", async () => {
    const k1 = await sharedTestKey("ES256", "k1");
    const stub = stubJwks([]);
    stub.serve(
      JSON.stringify({
        keys: [{ kty: "oct", k: "c2VjcmV0" }, { kty: "RSA", n: "short", e: "AQAB" }, k1.publicJwk],
      }),
    );
    const h = await remoteHarness(stub);
    await h.expectIssued(h.exchange(await h.sign()));
  });
});
