import { describe, expect, it } from "vitest";
import type { PublicJwk } from "../src/domain/jwk.js";
import type { Fetch } from "../src/ports/fetch.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness, IDP, sharedTestKey } from "./support/harness.js";

const METADATA_URL = `${IDP}/.well-known/openid-configuration`;
const JWKS_URI = `${IDP}/oauth/keys`;
const COOLDOWN_SECONDS = 30;

/** An issuer's host: its provider metadata and the key sets it may name, each answering from what is set now. */
function stubIssuerHost() {
  let metadata: unknown = { issuer: IDP, jwks_uri: JWKS_URI };
  const keySets = new Map<string, readonly PublicJwk[]>();
  const requests: string[] = [];
  const fetch: Fetch = async (url) => {
    requests.push(url);
    if (url === METADATA_URL) return Response.json(metadata);
    const keys = keySets.get(url);
    return keys === undefined ? new Response(null, { status: 404 }) : Response.json({ keys });
  };
  return {
    fetch,
    requests,
    /** How many times each URL was fetched. */
    counts: () =>
      Object.fromEntries(
        [...new Set(requests)].map((url) => [url, requests.filter((r) => r === url).length]),
      ),
    serveMetadata(document: unknown) {
      metadata = document;
    },
    serveKeys(uri: string, keys: readonly PublicJwk[]) {
      keySets.set(uri, keys);
    },
  };
}

/**
 * The harness engine with its issuer's key source switched to discovery. The admin input has no discovery
 * field yet, so the stored record is rewritten through the storage, as an adapter would hold it.
 */
async function discoveryHarness(host: ReturnType<typeof stubIssuerHost>) {
  const h = await createHarness({
    deps: { fetch: host.fetch },
    engine: { jwksCooldownSeconds: COOLDOWN_SECONDS },
  });
  const stored = await h.storage.trustedIssuers.update({
    ...h.issuer,
    keySource: { kind: "discovery", issuer: IDP },
  });
  expect(stored).toBe("updated");
  return h;
}

describe("key source: OpenID Provider discovery", () => {
  it("grants with a key from the jwks_uri the metadata names, fetching each document once", async () => {
    const host = stubIssuerHost();
    host.serveKeys(JWKS_URI, [(await sharedTestKey("ES256", "k1")).publicJwk]);
    const h = await discoveryHarness(host);
    await h.expectIssued(h.exchange(await h.sign()));
    await h.expectIssued(h.exchange(await h.sign()));
    expect(host.requests).toEqual([METADATA_URL, JWKS_URI]);
  });

  it("accepts a rotated key through the unknown-kid refresh, refreshing the metadata too", async () => {
    const k1 = await sharedTestKey("ES256", "k1");
    const k2 = await sharedTestKey("ES256", "k2");
    const host = stubIssuerHost();
    host.serveKeys(JWKS_URI, [k1.publicJwk]);
    const h = await discoveryHarness(host);
    await h.expectIssued(h.exchange(await h.sign()));

    host.serveKeys(JWKS_URI, [k1.publicJwk, k2.publicJwk]);
    // Within the cooldown the key set is not fetched again: the new kid is unknown.
    await expectOAuthError(h.exchange(await h.sign(h.claims(), {}, k2)), "invalid_grant", "unknown_key");
    expect(host.counts()).toEqual({ [METADATA_URL]: 1, [JWKS_URI]: 1 });

    h.clock.advance(COOLDOWN_SECONDS);
    await h.expectIssued(h.exchange(await h.sign(h.claims(), {}, k2)));
    expect(host.counts()).toEqual({ [METADATA_URL]: 2, [JWKS_URI]: 2 });
    await h.expectIssued(h.exchange(await h.sign()));
    expect(host.requests.length).toBe(4);
  });

  it("follows the key set to the new jwks_uri the metadata names when a new kid appears", async () => {
    const k1 = await sharedTestKey("ES256", "k1");
    const k2 = await sharedTestKey("ES256", "k2");
    const host = stubIssuerHost();
    host.serveKeys(JWKS_URI, [k1.publicJwk]);
    const h = await discoveryHarness(host);
    await h.expectIssued(h.exchange(await h.sign()));

    const moved = `${IDP}/oauth/keys/v2`;
    host.serveMetadata({ issuer: IDP, jwks_uri: moved });
    host.serveKeys(moved, [k2.publicJwk]);
    h.clock.advance(COOLDOWN_SECONDS);
    await h.expectIssued(h.exchange(await h.sign(h.claims(), {}, k2)));
    expect(host.requests).toEqual([METADATA_URL, JWKS_URI, METADATA_URL, moved]);
  });

  it("answers temporarily_unavailable when the metadata names another issuer, and fetches no keys", async () => {
    const host = stubIssuerHost();
    host.serveKeys(JWKS_URI, [(await sharedTestKey("ES256", "k1")).publicJwk]);
    host.serveMetadata({ issuer: "https://evil.example.com", jwks_uri: JWKS_URI });
    const h = await discoveryHarness(host);
    const error = await expectOAuthError(
      h.exchange(await h.sign()),
      "temporarily_unavailable",
      "jwks_unavailable",
    );
    expect(error.detail).toBe(
      `metadata at ${METADATA_URL} names issuer "https://evil.example.com" instead of "${IDP}"`,
    );
    expect(host.requests).toEqual([METADATA_URL]);
  });

  it("answers temporarily_unavailable when the named key set cannot be fetched", async () => {
    const host = stubIssuerHost();
    const h = await discoveryHarness(host);
    const error = await expectOAuthError(
      h.exchange(await h.sign()),
      "temporarily_unavailable",
      "jwks_unavailable",
    );
    expect(error.detail).toBe(`fetching ${JWKS_URI} answered 404`);
  });
});
