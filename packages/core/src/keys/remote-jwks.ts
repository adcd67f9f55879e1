import type { PublicJwk } from "../domain/jwk.js";
import { OAuthError } from "../errors/oauth-error.js";
import type { Clock } from "../ports/clock.js";
import type { Fetch } from "../ports/fetch.js";
import { jwksUriProblem } from "./jwks-uri-policy.js";
import { parsePublicJwk } from "./parse-public-jwk.js";

export interface RemoteJwksOptions {
  readonly fetch: Fetch;
  readonly clock: Clock;
  /** Abort a fetch after this long. */
  readonly timeoutMs: number;
  /** Refuse a key set larger than this. */
  readonly maxResponseBytes: number;
  /** Serve a fetched key set this long before fetching it again. */
  readonly cacheMaxAgeMs: number;
  /** After a fetch, an unknown `kid` may force the next one only once this much time has passed. */
  readonly cooldownMs: number;
}

/** Key sets fetched from JWKS URIs, cached per URI. */
export interface RemoteJwks {
  /** The URI's keys, from the cache while fresh. */
  keys(uri: string): Promise<readonly PublicJwk[]>;
  /** Refetches the URI's keys for an unknown `kid`; `null` when the last fetch is within the cooldown. */
  refresh(uri: string): Promise<readonly PublicJwk[] | null>;
}

interface CacheEntry {
  keys: readonly PublicJwk[];
  fetchedAt: number;
}

const unavailable = (detail: string): OAuthError =>
  new OAuthError("temporarily_unavailable", "the issuer's keys could not be fetched, retry later", {
    reason: "jwks_unavailable",
    detail,
  });

export function createRemoteJwks(options: RemoteJwksOptions): RemoteJwks {
  const cache = new Map<string, CacheEntry>();
  const inflight = new Map<string, Promise<readonly PublicJwk[]>>();

  function load(uri: string): Promise<readonly PublicJwk[]> {
    let pending = inflight.get(uri);
    if (pending === undefined) {
      pending = fetchKeySet(uri, options)
        .then(
          (keys) => {
            cache.set(uri, { keys, fetchedAt: options.clock.now().getTime() });
            return keys;
          },
          (error: unknown) => {
            // A stale key set beats none while the issuer's endpoint is down.
            const stale = cache.get(uri);
            if (stale !== undefined) return stale.keys;
            throw error;
          },
        )
        .finally(() => inflight.delete(uri));
      inflight.set(uri, pending);
    }
    return pending;
  }

  return {
    async keys(uri) {
      const entry = cache.get(uri);
      if (entry !== undefined && options.clock.now().getTime() - entry.fetchedAt < options.cacheMaxAgeMs) {
        return entry.keys;
      }
      return load(uri);
    },
    async refresh(uri) {
      const entry = cache.get(uri);
      if (entry !== undefined && options.clock.now().getTime() - entry.fetchedAt < options.cooldownMs) {
        return null;
      }
      return load(uri);
    },
  };
}

async function fetchKeySet(uri: string, options: RemoteJwksOptions): Promise<readonly PublicJwk[]> {
  const problem = jwksUriProblem(uri);
  if (problem !== null) throw unavailable(problem);
  let response: Response;
  try {
    response = await options.fetch(uri, {
      method: "GET",
      headers: { accept: "application/jwk-set+json, application/json" },
      redirect: "error",
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    throw unavailable(`fetching ${uri} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw unavailable(`fetching ${uri} answered ${response.status}`);
  }
  const body = await readLimited(response, options.maxResponseBytes, uri);
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch {
    throw unavailable(`${uri} did not answer JSON`);
  }
  const keys = (document as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw unavailable(`${uri} did not answer a JWK Set`);
  // A published set may mix in encryption or unsupported keys; only usable signature keys are kept.
  return keys.flatMap((key: unknown) => {
    const parsed = parsePublicJwk(key);
    return parsed.ok ? [parsed.key] : [];
  });
}

async function readLimited(response: Response, maxBytes: number, uri: string): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw unavailable(`${uri} key set is larger than ${maxBytes} bytes`);
  }
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw unavailable(`${uri} key set is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
