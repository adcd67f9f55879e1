import type { PublicJwk } from "../domain/jwk.js";
import { OAuthError } from "../errors/oauth-error.js";
import type { Clock } from "../ports/clock.js";
import { fetchKeySet, jwksUnavailable, type KeySetFetchOptions } from "./fetch-key-set.js";

export interface RemoteJwksOptions extends KeySetFetchOptions {
  readonly clock: Clock;
  /** Serve a fetched key set this long before fetching it again. */
  readonly cacheMaxAgeMs: number;
  /** While the URI fails, keep serving the last key set fetched until it is this old (counted from its fetch). */
  readonly staleMaxAgeMs: number;
  /** After a failed fetch, wait this long before the next; the wait doubles with each further failure… */
  readonly retryMinMs: number;
  /** …up to this, and never longer than `cacheMaxAgeMs`. */
  readonly retryMaxMs: number;
  /** An unknown `kid` may force a fetch only this long after the last attempt, whether it failed or not. */
  readonly cooldownMs: number;
}

/** Key sets fetched from JWKS URIs, cached per URI. */
export interface RemoteJwks {
  /**
   * The URI's keys: from the cache while fresh; while the URI fails, the last ones fetched until they are too
   * old; else `temporarily_unavailable`. No caller waits on a fetch during the backoff after a failure.
   */
  keys(uri: string): Promise<readonly PublicJwk[]>;
  /** Refetches the URI's keys for an unknown `kid`; `null` within the cooldown or the backoff. */
  refresh(uri: string): Promise<readonly PublicJwk[] | null>;
}

interface UriState {
  /** The last key set fetched, and when. */
  good: { readonly keys: readonly PublicJwk[]; readonly fetchedAt: number } | undefined;
  /** When the last fetch started, failed or not: the unknown-`kid` cooldown counts from here. */
  attemptedAt: number;
  /** Consecutive failed fetches, the last one's detail, and the time before which none is tried again. */
  failures: number;
  lastFailure: string;
  retryAt: number;
  /** The fetch under way, which every concurrent caller shares. */
  inflight: Promise<readonly PublicJwk[]> | undefined;
}

export function createRemoteJwks(options: RemoteJwksOptions): RemoteJwks {
  const states = new Map<string, UriState>();
  const now = () => options.clock.now().getTime();

  function stateOf(uri: string): UriState {
    let state = states.get(uri);
    if (state === undefined) {
      state = {
        good: undefined,
        attemptedAt: Number.NEGATIVE_INFINITY,
        failures: 0,
        lastFailure: "",
        retryAt: Number.NEGATIVE_INFINITY,
        inflight: undefined,
      };
      states.set(uri, state);
    }
    return state;
  }

  function staleKeys(state: UriState, at: number): readonly PublicJwk[] | undefined {
    return state.good !== undefined && at - state.good.fetchedAt < options.staleMaxAgeMs
      ? state.good.keys
      : undefined;
  }

  function backoffMs(failures: number): number {
    const cap = Math.min(options.retryMaxMs, options.cacheMaxAgeMs);
    return Math.min(options.retryMinMs * 2 ** (failures - 1), cap);
  }

  function load(uri: string, state: UriState): Promise<readonly PublicJwk[]> {
    state.attemptedAt = now();
    const pending = fetchKeySet(uri, options)
      .then(
        (keys) => {
          state.good = { keys, fetchedAt: now() };
          state.failures = 0;
          state.retryAt = Number.NEGATIVE_INFINITY;
          return keys;
        },
        (error: unknown) => {
          const failedAt = now();
          state.failures += 1;
          state.lastFailure = error instanceof OAuthError ? (error.detail ?? error.message) : String(error);
          state.retryAt = failedAt + backoffMs(state.failures);
          const stale = staleKeys(state, failedAt);
          if (stale !== undefined) return stale;
          throw error;
        },
      )
      .finally(() => {
        state.inflight = undefined;
      });
    state.inflight = pending;
    return pending;
  }

  return {
    async keys(uri) {
      const state = stateOf(uri);
      const at = now();
      if (state.good !== undefined && at - state.good.fetchedAt < options.cacheMaxAgeMs)
        return state.good.keys;
      if (state.inflight !== undefined) return state.inflight;
      if (at < state.retryAt) {
        const stale = staleKeys(state, at);
        if (stale !== undefined) return stale;
        throw jwksUnavailable(
          `${uri} failed ${state.failures} time(s), next attempt in ${state.retryAt - at} ms; last: ${state.lastFailure}`,
        );
      }
      return load(uri, state);
    },
    async refresh(uri) {
      const state = stateOf(uri);
      // Joining a fetch under way costs the issuer nothing.
      if (state.inflight !== undefined) return state.inflight;
      const at = now();
      if (at - state.attemptedAt < options.cooldownMs || at < state.retryAt) return null;
      return load(uri, state);
    },
  };
}
