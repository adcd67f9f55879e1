import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EngineOptions } from "../src/engine/settings.js";
import { OAuthError } from "../src/errors/oauth-error.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { type FaultyJwksServer, JWKS_FAULTS, startFaultyJwksServer } from "./support/faulty-jwks-server.js";
import { createHarness, sharedTestKey } from "./support/harness.js";

// Long enough for a good fetch on a loaded machine.
const TIMEOUT_MS = 1000;
// Room for a busy machine; a drip (10 s) or a stall (forever) not cut off by the deadline takes far longer.
const MARGIN_MS = 3000;
const CACHE_MAX_AGE = 60;
const STALE_MAX_AGE = 3600;

let server: FaultyJwksServer;
beforeEach(async () => {
  server = await startFaultyJwksServer();
});
afterEach(async () => {
  await server.close();
});

/** The harness engine (real global fetch, frozen clock) with one issuer whose keys are at the server's URI. */
async function jwksHarness(engine: Partial<EngineOptions> = {}) {
  server.serve([(await sharedTestKey("ES256", "k1")).publicJwk]);
  return createHarness({
    issuer: { jwks: undefined, jwksUri: server.uri },
    engine: {
      jwksTimeoutMs: TIMEOUT_MS,
      jwksCacheMaxAgeSeconds: CACHE_MAX_AGE,
      jwksStaleMaxAgeSeconds: STALE_MAX_AGE,
      ...engine,
    },
  });
}

/** Awaits `promise` and checks that it settled within the JWKS fetch timeout. */
async function withinTimeout<T>(promise: Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await promise;
  } finally {
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
  }
}

describe.each(JWKS_FAULTS)("a JWKS host whose answer fails with %s", (fault) => {
  it("gives temporarily_unavailable within the timeout when no key was ever fetched", async () => {
    const h = await jwksHarness();
    server.fail(fault);
    const assertion = await h.sign();
    await expectOAuthError(
      withinTimeout(h.exchange(assertion)),
      "temporarily_unavailable",
      "jwks_unavailable",
    );
    expect(server.requests()).toBe(1);
  });

  it("grants with the last keys fetched once the cache has aged", async () => {
    const h = await jwksHarness();
    await h.expectIssued(h.exchange(await h.sign()));
    server.fail(fault);
    h.clock.advance(CACHE_MAX_AGE + 1);
    const assertion = await h.sign();
    await h.expectIssued(withinTimeout(h.exchange(assertion)));
    expect(server.requests()).toBe(2);
  });

  it("gives temporarily_unavailable once the last keys are older than the stale limit", async () => {
    const h = await jwksHarness();
    await h.expectIssued(h.exchange(await h.sign()));
    server.fail(fault);
    h.clock.advance(STALE_MAX_AGE + 1);
    const assertion = await h.sign();
    await expectOAuthError(
      withinTimeout(h.exchange(assertion)),
      "temporarily_unavailable",
      "jwks_unavailable",
    );
    expect(server.requests()).toBe(2);
  });
});

describe("a failing JWKS host: backoff", () => {
  it.each([
    { cacheMaxAge: 3600, waits: [1, 2, 4, 8, 16, 32, 60, 60] },
    { cacheMaxAge: 10, waits: [1, 2, 4, 8, 10, 10] },
  ])(
    "is asked again only after $waits seconds (cache max age $cacheMaxAge s)",
    async ({ cacheMaxAge, waits }) => {
      const h = await jwksHarness({ jwksCacheMaxAgeSeconds: cacheMaxAge, jwksStaleMaxAgeSeconds: 86400 });
      server.fail("reset");
      const refused = async () =>
        expectOAuthError(h.exchange(await h.sign()), "temporarily_unavailable", "jwks_unavailable");
      await refused();
      let asked = 1;
      expect(server.requests()).toBe(asked);
      for (const wait of waits) {
        h.clock.advance(wait - 1);
        await refused();
        await refused();
        expect(server.requests()).toBe(asked);
        h.clock.advance(1);
        await refused();
        asked += 1;
        expect(server.requests()).toBe(asked);
      }

      // Once the host recovers, the next attempt after the wait fetches the keys and the backoff starts over.
      server.serve([h.key.publicJwk]);
      h.clock.advance(waits.at(-1) ?? 0);
      await h.expectIssued(h.exchange(await h.sign()));
      expect(server.requests()).toBe(asked + 1);
      server.fail("reset");
      h.clock.advance(cacheMaxAge);
      await h.expectIssued(h.exchange(await h.sign()));
      h.clock.advance(1);
      await h.expectIssued(h.exchange(await h.sign()));
      expect(server.requests()).toBe(asked + 3);
    },
  );

  it("serves the last keys during the backoff without asking the host or waiting", async () => {
    const h = await jwksHarness();
    await h.expectIssued(h.exchange(await h.sign()));
    server.fail("stall");
    h.clock.advance(CACHE_MAX_AGE + 1);
    await h.expectIssued(withinTimeout(h.exchange(await h.sign())));
    expect(server.requests()).toBe(2);
    for (let i = 0; i < 3; i += 1) {
      await h.expectIssued(h.exchange(await h.sign()));
    }
    expect(server.requests()).toBe(2);
  });

  it("shares one fetch among concurrent requests", async () => {
    const h = await jwksHarness();
    server.fail("stall");
    const assertions = await Promise.all([1, 2, 3, 4, 5].map(() => h.sign()));
    const outcomes = await withinTimeout(Promise.allSettled(assertions.map((a) => h.exchange(a))));
    for (const outcome of outcomes) {
      expect(outcome.status).toBe("rejected");
      const reason = outcome.status === "rejected" ? (outcome.reason as unknown) : undefined;
      expect(reason).toBeInstanceOf(OAuthError);
      expect((reason as OAuthError).code).toBe("temporarily_unavailable");
    }
    expect(server.requests()).toBe(1);
  });
});

describe("a failing JWKS host: unknown kid", () => {
  it("refetches at most once per cooldown while the host fails", async () => {
    const h = await jwksHarness({ jwksCacheMaxAgeSeconds: 3600, jwksCooldownSeconds: 30 });
    await h.expectIssued(h.exchange(await h.sign()));
    server.fail("reset");
    const stranger = await sharedTestKey("ES256", "k2");
    const unknownKid = async () =>
      expectOAuthError(h.exchange(await h.sign(h.claims(), {}, stranger)), "invalid_grant", "unknown_key");
    for (const asked of [2, 3]) {
      h.clock.advance(31);
      for (let i = 0; i < 4; i += 1) await unknownKid();
      expect(server.requests()).toBe(asked);
    }
    // The issuer's own key still works all along, from the cached set.
    await h.expectIssued(h.exchange(await h.sign()));
    expect(server.requests()).toBe(3);
  });

  it("lets concurrent requests with a new kid share the one refetch", async () => {
    const h = await jwksHarness({ jwksCacheMaxAgeSeconds: 3600, jwksCooldownSeconds: 30 });
    await h.expectIssued(h.exchange(await h.sign()));
    const rotated = await sharedTestKey("ES256", "k2");
    server.serve([h.key.publicJwk, rotated.publicJwk]);
    h.clock.advance(31);
    const assertions = await Promise.all([1, 2, 3].map(() => h.sign(h.claims(), {}, rotated)));
    const tokens = await Promise.all(assertions.map((a) => h.exchange(a)));
    expect(tokens.map((t) => t.tokenType)).toEqual(["Bearer", "Bearer", "Bearer"]);
    expect(server.requests()).toBe(2);
  });
});
