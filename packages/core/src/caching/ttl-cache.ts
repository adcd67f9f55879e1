import type { Clock } from "../ports/clock.js";

/** Entries beyond this are dropped all at once: a flood of distinct keys cannot grow memory without bound. */
const MAX_ENTRIES = 10_000;

/**
 * Memoises lookups by key for `maxAgeMs`; concurrent misses of one key share one lookup. Each caller gets
 * its own copy, as from the storage itself, so no caller can change what the others see.
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
      if (entry !== undefined && now - entry.loadedAt < maxAgeMs)
        return entry.value.then((loaded) => structuredClone(loaded));
      if (entries.size >= MAX_ENTRIES) entries.clear();
      const value = load();
      entries.set(key, { value, loadedAt: now });
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value.then((loaded) => structuredClone(loaded));
    },
    clear() {
      entries.clear();
    },
  };
}
