import type { Clock } from "../ports/clock.js";
import { handOut, shareRecord } from "./shared-record.js";

/** Entries beyond this are dropped all at once: a flood of distinct keys cannot grow memory without bound. */
const MAX_ENTRIES = 10_000;

/**
 * Memoises lookups by key for `maxAgeMs`; concurrent misses of one key share one lookup. A loaded record is
 * frozen once and shared, so a hit costs a shallow copy rather than a deep clone, and no caller can change
 * what the others see.
 */
export interface TtlCache<T> {
  get(key: string, load: () => Promise<T>): Promise<T>;
  clear(): void;
}

export function createTtlCache<T>(clock: Clock, maxAgeMs: number): TtlCache<T> {
  const entries = new Map<string, { value: Promise<T>; loadedAt: number }>();
  return {
    get(key, load) {
      const now = clock.now().getTime();
      const entry = entries.get(key);
      if (entry !== undefined && now - entry.loadedAt < maxAgeMs) return entry.value.then(handOut);
      if (entries.size >= MAX_ENTRIES) entries.clear();
      const value = load().then(shareRecord);
      entries.set(key, { value, loadedAt: now });
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value.then(handOut);
    },
    clear() {
      entries.clear();
    },
  };
}
