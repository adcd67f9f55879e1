import type { Clock } from "../ports/clock.js";
import { createLruMap, type LruMap } from "./lru-map.js";
import { handOut, shareRecord } from "./shared-record.js";

/** Records found that are kept at most; beyond this the least recently used is dropped. */
export const MAX_CACHED_RECORDS = 10_000;

/**
 * Misses (a lookup that found `null`) kept at most, apart from the records found: their keys come from
 * unauthenticated input (a `client_id`, an unverified `iss`), so a spray of unknown ones must not push out
 * the records in use.
 */
export const MAX_CACHED_MISSES = 1_000;

/**
 * Memoises lookups by key for `maxAgeMs`; concurrent misses of one key share one lookup. A loaded record is
 * frozen once and shared, so a hit costs a shallow copy rather than a deep clone, and no caller can change
 * what the others see.
 */
export interface TtlCache<T> {
  get(key: string, load: () => Promise<T>): Promise<T>;
  clear(): void;
}

interface Entry<T> {
  readonly value: Promise<T>;
  readonly loadedAt: number;
}

export function createTtlCache<T>(clock: Clock, maxAgeMs: number): TtlCache<T> {
  const found = createLruMap<string, Entry<T>>(MAX_CACHED_RECORDS);
  const missing = createLruMap<string, Entry<T>>(MAX_CACHED_MISSES);
  const loading = new Map<string, Promise<T>>();

  /** Files a finished lookup under what it found; a failed one (`keep` null) is not kept. */
  function settle(key: string, value: Promise<T>, loadedAt: number, keep: LruMap<string, Entry<T>> | null) {
    // A clear (a write on this instance) since this lookup started: its result may predate the write.
    if (loading.get(key) !== value) return;
    loading.delete(key);
    found.delete(key);
    missing.delete(key);
    keep?.set(key, { value, loadedAt });
  }

  return {
    get(key, load) {
      const now = clock.now().getTime();
      const entry = found.get(key) ?? missing.get(key);
      if (entry !== undefined && now - entry.loadedAt < maxAgeMs) return entry.value.then(handOut);
      const pending = loading.get(key);
      if (pending !== undefined) return pending.then(handOut);
      const value = load().then(shareRecord);
      loading.set(key, value);
      value.then(
        (record) => settle(key, value, now, record === null ? missing : found),
        () => settle(key, value, now, null),
      );
      return value.then(handOut);
    },
    clear() {
      found.clear();
      missing.clear();
      loading.clear();
    },
  };
}
