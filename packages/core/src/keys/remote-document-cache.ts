import { OAuthError } from "../errors/oauth-error.js";
import type { Clock } from "../ports/clock.js";
import { jwksUnavailable } from "./jwks-unavailable.js";

export interface RemoteDocumentCacheOptions {
  readonly clock: Clock;
  /** Serve a fetched document this long before fetching it again. */
  readonly cacheMaxAgeMs: number;
  /** While fetches fail, serve the last document fetched until it is this old (counted from its fetch). */
  readonly staleMaxAgeMs: number;
  /** After a failed fetch, wait this long before the next; the wait doubles with each further failure… */
  readonly retryMinMs: number;
  /** …up to this, and never longer than `cacheMaxAgeMs`. */
  readonly retryMaxMs: number;
  /** A forced refresh may fetch only this long after the last attempt, whether it failed or not. */
  readonly cooldownMs: number;
}

/** Documents fetched by key (a URL, an issuer), cached per key. */
export interface RemoteDocumentCache<T> {
  /**
   * The key's document: from the cache while fresh; while its fetch fails, the last one fetched until it is
   * too old; else `temporarily_unavailable`. No caller waits on a fetch during the backoff after a failure.
   */
  get(key: string): Promise<T>;
  /** Refetches the key's document (for an unknown `kid`); `null` within the cooldown or the backoff. */
  refresh(key: string): Promise<T | null>;
}

interface KeyState<T> {
  /** The last document fetched, and when. */
  good: { readonly value: T; readonly fetchedAt: number } | undefined;
  /** When the last fetch started, failed or not: the refresh cooldown counts from here. */
  attemptedAt: number;
  /** Consecutive failed fetches, the last one's detail, and the time before which none is tried again. */
  failures: number;
  lastFailure: string;
  retryAt: number;
  /** The fetch under way, which every concurrent caller shares. */
  inflight: Promise<T> | undefined;
}

/**
 * Caches what `load` fetches for each key: fresh for `cacheMaxAgeMs`, then refetched; a failing key serves
 * its last document until it is `staleMaxAgeMs` old and is retried with exponential backoff; concurrent
 * callers share one fetch. `load` fails with an `OAuthError` whose detail says why.
 */
export function createRemoteDocumentCache<T>(
  load: (key: string) => Promise<T>,
  options: RemoteDocumentCacheOptions,
): RemoteDocumentCache<T> {
  const states = new Map<string, KeyState<T>>();
  const now = () => options.clock.now().getTime();

  function stateOf(key: string): KeyState<T> {
    let state = states.get(key);
    if (state === undefined) {
      state = {
        good: undefined,
        attemptedAt: Number.NEGATIVE_INFINITY,
        failures: 0,
        lastFailure: "",
        retryAt: Number.NEGATIVE_INFINITY,
        inflight: undefined,
      };
      states.set(key, state);
    }
    return state;
  }

  function stale(state: KeyState<T>, at: number): { readonly value: T } | undefined {
    return state.good !== undefined && at - state.good.fetchedAt < options.staleMaxAgeMs
      ? state.good
      : undefined;
  }

  function backoffMs(failures: number): number {
    const cap = Math.min(options.retryMaxMs, options.cacheMaxAgeMs);
    return Math.min(options.retryMinMs * 2 ** (failures - 1), cap);
  }

  function fetchInto(key: string, state: KeyState<T>): Promise<T> {
    state.attemptedAt = now();
    const pending = load(key)
      .then(
        (value) => {
          state.good = { value, fetchedAt: now() };
          state.failures = 0;
          state.retryAt = Number.NEGATIVE_INFINITY;
          return value;
        },
        (error: unknown) => {
          const failedAt = now();
          state.failures += 1;
          state.lastFailure = error instanceof OAuthError ? (error.detail ?? error.message) : String(error);
          state.retryAt = failedAt + backoffMs(state.failures);
          const last = stale(state, failedAt);
          if (last !== undefined) return last.value;
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
    async get(key) {
      const state = stateOf(key);
      const at = now();
      if (state.good !== undefined && at - state.good.fetchedAt < options.cacheMaxAgeMs)
        return state.good.value;
      if (state.inflight !== undefined) return state.inflight;
      if (at < state.retryAt) {
        const last = stale(state, at);
        if (last !== undefined) return last.value;
        throw jwksUnavailable(
          `${key} failed ${state.failures} time(s), next attempt in ${state.retryAt - at} ms; last: ${state.lastFailure}`,
        );
      }
      return fetchInto(key, state);
    },
    async refresh(key) {
      const state = stateOf(key);
      // Joining a fetch under way costs the remote host nothing.
      if (state.inflight !== undefined) return state.inflight;
      const at = now();
      if (at - state.attemptedAt < options.cooldownMs || at < state.retryAt) return null;
      return fetchInto(key, state);
    },
  };
}
