import { describe, expect, it } from "vitest";
import { createDiscoveredJwksUris } from "../src/keys/discovered-jwks-uris.js";
import { fetchDiscoveredJwksUri } from "../src/keys/fetch-discovered-jwks-uri.js";
import type { JsonDocumentFetchOptions } from "../src/keys/fetch-json-document.js";
import type { Fetch } from "../src/ports/fetch.js";
import { createFrozenClock } from "../src/testing/frozen-clock.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";

const ISSUER = "https://idp.example.com";
const METADATA_URL = `${ISSUER}/.well-known/openid-configuration`;
const JWKS_URI = `${ISSUER}/keys`;

/** A metadata endpoint: answers each request with the current reply and records what was asked. */
function stubMetadata(initial: unknown = { issuer: ISSUER, jwks_uri: JWKS_URI }) {
  let reply: () => Response = () => Response.json(initial);
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch: Fetch = async (url, init) => {
    requests.push({ url, init });
    return reply();
  };
  return {
    fetch,
    requests,
    urls: () => requests.map((request) => request.url),
    serve(document: unknown) {
      reply = () => Response.json(document);
    },
    answer(next: () => Response) {
      reply = next;
    },
  };
}

const options = (
  fetch: Fetch,
  overrides: Partial<JsonDocumentFetchOptions> = {},
): JsonDocumentFetchOptions => ({
  fetch,
  timeoutMs: 3000,
  maxResponseBytes: 4096,
  ...overrides,
});

/** Fetches `issuer`'s jwks_uri from a stub serving `document`, expecting the failure whose detail is `detail`. */
async function expectRefused(document: unknown, detail: string, issuer = ISSUER): Promise<void> {
  const stub = stubMetadata(document);
  const error = await expectOAuthError(
    fetchDiscoveredJwksUri(issuer, options(stub.fetch)),
    "temporarily_unavailable",
    "jwks_unavailable",
  );
  expect(error.detail).toBe(detail);
}

describe("fetching an issuer's provider metadata", () => {
  it("asks for the well-known document with a GET that follows no redirect, and returns its jwks_uri", async () => {
    const stub = stubMetadata();
    expect(await fetchDiscoveredJwksUri(ISSUER, options(stub.fetch))).toBe(JWKS_URI);
    expect(stub.urls()).toEqual([METADATA_URL]);
    const init = stub.requests[0]?.init;
    expect(init?.method).toBe("GET");
    expect(init?.redirect).toBe("error");
    expect(init?.headers).toEqual({ accept: "application/json" });
  });

  it("removes one terminating slash of the issuer before the well-known path, and keeps the issuer's path", async () => {
    const cases = [
      { issuer: "https://idp.example.com/", url: METADATA_URL },
      {
        issuer: "https://idp.example.com/tenant",
        url: "https://idp.example.com/tenant/.well-known/openid-configuration",
      },
      {
        issuer: "https://idp.example.com/tenant/",
        url: "https://idp.example.com/tenant/.well-known/openid-configuration",
      },
    ];
    for (const { issuer, url } of cases) {
      const stub = stubMetadata({ issuer, jwks_uri: JWKS_URI });
      expect(await fetchDiscoveredJwksUri(issuer, options(stub.fetch))).toBe(JWKS_URI);
      expect(stub.urls()).toEqual([url]);
    }
  });

  it("accepts an http issuer and jwks_uri on a loopback host", async () => {
    const issuer = "http://127.0.0.1:8443";
    const stub = stubMetadata({ issuer, jwks_uri: "http://localhost:8443/jwks" });
    expect(await fetchDiscoveredJwksUri(issuer, options(stub.fetch))).toBe("http://localhost:8443/jwks");
    expect(stub.urls()).toEqual(["http://127.0.0.1:8443/.well-known/openid-configuration"]);
  });

  it("refuses metadata naming another issuer, even one differing only by a trailing slash or case", async () => {
    for (const named of [
      "https://evil.example.com",
      `${ISSUER}/`,
      "https://IDP.example.com",
      `${ISSUER}/tenant`,
    ]) {
      await expectRefused(
        { issuer: named, jwks_uri: JWKS_URI },
        `metadata at ${METADATA_URL} names issuer ${JSON.stringify(named)} instead of "${ISSUER}"`,
      );
    }
    await expectRefused(
      { issuer: ISSUER, jwks_uri: JWKS_URI },
      `metadata at ${METADATA_URL} names issuer "${ISSUER}" instead of "${ISSUER}/"`,
      `${ISSUER}/`,
    );
  });

  it("quotes at most 200 characters of a foreign issuer in the detail", async () => {
    const named = `https://evil.example.com/${"a".repeat(500)}`;
    await expectRefused(
      { issuer: named, jwks_uri: JWKS_URI },
      `metadata at ${METADATA_URL} names issuer ${JSON.stringify(`${named.slice(0, 200)}…`)} instead of "${ISSUER}"`,
    );
  });

  it("refuses metadata without a string issuer", async () => {
    for (const issuer of [undefined, null, 42, [ISSUER]]) {
      await expectRefused({ issuer, jwks_uri: JWKS_URI }, `metadata at ${METADATA_URL} names no issuer`);
    }
  });

  it("refuses metadata without a string jwks_uri", async () => {
    for (const jwksUri of [undefined, null, 42, { href: JWKS_URI }, [JWKS_URI]]) {
      await expectRefused(
        { issuer: ISSUER, jwks_uri: jwksUri },
        `metadata at ${METADATA_URL} names no jwks_uri`,
      );
    }
  });

  it("refuses a jwks_uri that the JWKS URI rule refuses", async () => {
    const cases = [
      ["http://idp.example.com/keys", "jwks_uri must use https (http is allowed only on a loopback host)"],
      ["ftp://idp.example.com/keys", "jwks_uri must use https (http is allowed only on a loopback host)"],
      ["https://user:pass@idp.example.com/keys", "jwks_uri must not carry credentials"],
      ["/keys", "jwks_uri must be an absolute URL"],
    ] as const;
    for (const [jwksUri, problem] of cases) {
      await expectRefused(
        { issuer: ISSUER, jwks_uri: jwksUri },
        `metadata at ${METADATA_URL} names jwks_uri ${JSON.stringify(jwksUri)}: ${problem}`,
      );
    }
  });

  it("refuses a document that is not a JSON object", async () => {
    for (const document of [null, [], ["issuer"], "issuer", 42, true]) {
      await expectRefused(document, `metadata at ${METADATA_URL} is not a JSON object`);
    }
  });

  it("refuses an answer that is not JSON, or not UTF-8", async () => {
    const stub = stubMetadata();
    stub.answer(() => new Response("<html>"));
    const notJson = await expectOAuthError(
      fetchDiscoveredJwksUri(ISSUER, options(stub.fetch)),
      "temporarily_unavailable",
      "jwks_unavailable",
    );
    expect(notJson.detail).toBe(`${METADATA_URL} did not answer JSON`);
    stub.answer(() => new Response(new Uint8Array([0x7b, 0xff, 0x7d])));
    const notUtf8 = await expectOAuthError(
      fetchDiscoveredJwksUri(ISSUER, options(stub.fetch)),
      "temporarily_unavailable",
      "jwks_unavailable",
    );
    expect(notUtf8.detail).toBe(`${METADATA_URL} metadata is not valid UTF-8`);
  });

  it("refuses a status other than 200, a redirect included", async () => {
    for (const status of [301, 404, 500]) {
      const stub = stubMetadata();
      stub.answer(() => new Response(null, { status }));
      const error = await expectOAuthError(
        fetchDiscoveredJwksUri(ISSUER, options(stub.fetch)),
        "temporarily_unavailable",
        "jwks_unavailable",
      );
      expect(error.detail).toBe(`fetching ${METADATA_URL} answered ${status}`);
    }
  });

  it("refuses a document larger than the limit, whether its length is declared or not", async () => {
    const large = JSON.stringify({ issuer: ISSUER, jwks_uri: JWKS_URI, padding: "x".repeat(200) });
    const declared = new Response(large, { headers: { "content-length": String(large.length) } });
    const streamed = new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(large));
          controller.close();
        },
      }),
    );
    for (const response of [declared, streamed]) {
      const stub = stubMetadata();
      stub.answer(() => response);
      const error = await expectOAuthError(
        fetchDiscoveredJwksUri(ISSUER, options(stub.fetch, { maxResponseBytes: 100 })),
        "temporarily_unavailable",
        "jwks_unavailable",
      );
      expect(error.detail).toBe(`${METADATA_URL} metadata is larger than 100 bytes`);
    }
  });

  it("gives up on a host that does not answer within the timeout", async () => {
    const hanging: Fetch = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
      );
    const error = await expectOAuthError(
      fetchDiscoveredJwksUri(ISSUER, options(hanging, { timeoutMs: 20 })),
      "temporarily_unavailable",
      "jwks_unavailable",
    );
    expect(error.detail).toBe(`fetching ${METADATA_URL} did not complete within 20 ms`);
  });

  it("reports a network failure with its cause", async () => {
    const failing: Fetch = async () => {
      throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:443") });
    };
    const error = await expectOAuthError(
      fetchDiscoveredJwksUri(ISSUER, options(failing)),
      "temporarily_unavailable",
      "jwks_unavailable",
    );
    expect(error.detail).toBe(
      `fetching ${METADATA_URL} failed: fetch failed: connect ECONNREFUSED 127.0.0.1:443`,
    );
  });

  it("fetches nothing for an issuer that may not be fetched", async () => {
    const cases = [
      ["http://idp.example.com", "issuer must use https (http is allowed only on a loopback host)"],
      ["https://user:pass@idp.example.com", "issuer must not carry credentials"],
      ["idp.example.com", "issuer must be an absolute URL"],
      ["https://idp.example.com/?tenant=a", "issuer must not have a query or fragment"],
      ["https://idp.example.com/?", "issuer must not have a query or fragment"],
      ["https://idp.example.com#", "issuer must not have a query or fragment"],
    ] as const;
    for (const [issuer, problem] of cases) {
      const stub = stubMetadata({ issuer, jwks_uri: JWKS_URI });
      const error = await expectOAuthError(
        fetchDiscoveredJwksUri(issuer, options(stub.fetch)),
        "temporarily_unavailable",
        "jwks_unavailable",
      );
      expect(error.detail).toBe(problem);
      expect(stub.requests).toEqual([]);
    }
  });
});

const CACHE_MAX_AGE_MS = 300_000;
const STALE_MAX_AGE_MS = 3_600_000;
const COOLDOWN_MS = 30_000;

function cachedMetadata(stub: ReturnType<typeof stubMetadata>) {
  const clock = createFrozenClock();
  const cache = createDiscoveredJwksUris({
    ...options(stub.fetch),
    clock,
    cacheMaxAgeMs: CACHE_MAX_AGE_MS,
    staleMaxAgeMs: STALE_MAX_AGE_MS,
    retryMinMs: 1000,
    retryMaxMs: 60_000,
    cooldownMs: COOLDOWN_MS,
  });
  return { clock, cache };
}

const failWith500 = () => new Response("down", { status: 500 });

describe("provider metadata in the cache", () => {
  it("is fetched once for many callers within its max age, then again", async () => {
    const stub = stubMetadata();
    const { clock, cache } = cachedMetadata(stub);
    const first = await Promise.all([1, 2, 3].map(() => cache.get(ISSUER)));
    expect(first).toEqual([JWKS_URI, JWKS_URI, JWKS_URI]);
    clock.advance(CACHE_MAX_AGE_MS / 1000 - 1);
    expect(await cache.get(ISSUER)).toBe(JWKS_URI);
    expect(stub.requests.length).toBe(1);
    stub.serve({ issuer: ISSUER, jwks_uri: `${ISSUER}/keys/v2` });
    clock.advance(1);
    expect(await cache.get(ISSUER)).toBe(`${ISSUER}/keys/v2`);
    expect(stub.requests.length).toBe(2);
  });

  it("keeps each issuer's metadata apart", async () => {
    const stub = stubMetadata();
    const { cache } = cachedMetadata(stub);
    expect(await cache.get(ISSUER)).toBe(JWKS_URI);
    // The same document refused for an issuer it does not name.
    await expectOAuthError(cache.get(`${ISSUER}/`), "temporarily_unavailable", "jwks_unavailable");
    expect(stub.urls()).toEqual([METADATA_URL, METADATA_URL]);
  });

  it("serves the last jwks_uri while the host fails, until it is older than the stale limit", async () => {
    const stub = stubMetadata();
    const { clock, cache } = cachedMetadata(stub);
    expect(await cache.get(ISSUER)).toBe(JWKS_URI);
    stub.answer(failWith500);
    clock.advance(CACHE_MAX_AGE_MS / 1000);
    expect(await cache.get(ISSUER)).toBe(JWKS_URI);
    expect(stub.requests.length).toBe(2);
    // A document that names another issuer is a failure like any other: the last good one is served.
    stub.serve({ issuer: "https://evil.example.com", jwks_uri: "https://evil.example.com/keys" });
    clock.advance(60);
    expect(await cache.get(ISSUER)).toBe(JWKS_URI);
    expect(stub.requests.length).toBe(3);
    clock.advance(STALE_MAX_AGE_MS / 1000);
    const error = await expectOAuthError(cache.get(ISSUER), "temporarily_unavailable", "jwks_unavailable");
    expect(error.detail).toBe(
      `metadata at ${METADATA_URL} names issuer "https://evil.example.com" instead of "${ISSUER}"`,
    );
    expect(stub.requests.length).toBe(4);
  });

  it("backs off after failures, doubling the wait, and says when the next attempt is", async () => {
    const stub = stubMetadata();
    stub.answer(failWith500);
    const { clock, cache } = cachedMetadata(stub);
    await expectOAuthError(cache.get(ISSUER), "temporarily_unavailable", "jwks_unavailable");
    let asked = 1;
    for (const wait of [1, 2, 4, 8]) {
      clock.advance(wait - 1);
      const waiting = await expectOAuthError(
        cache.get(ISSUER),
        "temporarily_unavailable",
        "jwks_unavailable",
      );
      expect(waiting.detail).toBe(
        `${ISSUER} failed ${asked} time(s), next attempt in 1000 ms; last: fetching ${METADATA_URL} answered 500`,
      );
      expect(stub.requests.length).toBe(asked);
      clock.advance(1);
      await expectOAuthError(cache.get(ISSUER), "temporarily_unavailable", "jwks_unavailable");
      asked += 1;
      expect(stub.requests.length).toBe(asked);
    }
    stub.serve({ issuer: ISSUER, jwks_uri: JWKS_URI });
    clock.advance(16);
    expect(await cache.get(ISSUER)).toBe(JWKS_URI);
    expect(stub.requests.length).toBe(asked + 1);
  });

  it("is refreshed on demand at most once per cooldown, counted from the last attempt", async () => {
    const stub = stubMetadata();
    const { clock, cache } = cachedMetadata(stub);
    expect(await cache.get(ISSUER)).toBe(JWKS_URI);
    expect(await cache.refresh(ISSUER)).toBeNull();
    clock.advance(COOLDOWN_MS / 1000);
    stub.serve({ issuer: ISSUER, jwks_uri: `${ISSUER}/keys/v2` });
    const joined = await Promise.all([cache.refresh(ISSUER), cache.refresh(ISSUER)]);
    expect(joined).toEqual([`${ISSUER}/keys/v2`, `${ISSUER}/keys/v2`]);
    expect(await cache.refresh(ISSUER)).toBeNull();
    expect(await cache.get(ISSUER)).toBe(`${ISSUER}/keys/v2`);
    expect(stub.requests.length).toBe(2);
  });
});
