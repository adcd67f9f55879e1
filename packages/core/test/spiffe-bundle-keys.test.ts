import { describe, expect, it } from "vitest";
import { keyAcceptsAlgorithm } from "../src/keys/key-algorithm-compatibility.js";
import type { Fetch } from "../src/ports/fetch.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness, sharedTestKey } from "./support/harness.js";

const BUNDLE_URI = "https://spire.example.com/bundle";

describe("a key's use", () => {
  it("lets a key verify signatures when absent, sig, or jwt-svid (a SPIFFE JWT-SVID key), and for no other use", async () => {
    const key = (await sharedTestKey("ES256")).publicJwk;
    const accepts = (use: string | undefined) =>
      keyAcceptsAlgorithm(use === undefined ? key : { ...key, use }, "ES256", null);
    expect(accepts(undefined)).toBe(true);
    expect(accepts("sig")).toBe(true);
    expect(accepts("jwt-svid")).toBe(true);
    for (const use of ["enc", "x509-svid", "JWT-SVID", "Sig", "", "jwt-svid "])
      expect(accepts(use)).toBe(false);
  });
});

describe("a SPIFFE trust bundle as an issuer's key set", () => {
  it("grants with the bundle's jwt-svid key, fetched from its URI with the bundle's own members around it", async () => {
    const key = await sharedTestKey("ES256", "svid-1");
    const bundle = {
      spiffe_sequence: 7,
      spiffe_refresh_hint: 300,
      keys: [{ ...key.publicJwk, use: "jwt-svid" }],
    };
    const fetch: Fetch = async (url) =>
      url === BUNDLE_URI ? Response.json(bundle) : new Response(null, { status: 404 });
    const h = await createHarness({
      kid: "svid-1",
      issuer: { jwks: undefined, jwksUri: BUNDLE_URI },
      deps: { fetch },
    });
    await h.expectIssued(h.exchange(await h.sign()));
  });

  it("refuses an assertion signed with the bundle's x509-svid key", async () => {
    const key = await sharedTestKey("ES256", "x509-1");
    const h = await createHarness({
      kid: "x509-1",
      issuer: { jwks: { keys: [{ ...key.publicJwk, use: "x509-svid" }] } },
    });
    await expectOAuthError(h.exchange(await h.sign()), "invalid_grant", "unknown_key");
  });

  it("still refuses a key marked for encryption", async () => {
    const key = await sharedTestKey("ES256", "enc-1");
    const h = await createHarness({
      kid: "enc-1",
      issuer: { jwks: { keys: [{ ...key.publicJwk, use: "enc" }] } },
    });
    await expectOAuthError(h.exchange(await h.sign()), "invalid_grant", "unknown_key");
  });
});
