interface Entry {
  failures: number;
  readonly windowEndsMs: number;
}

/** Failed authentications counted per key (a client_id, or an address) in a window from the key's first failure. */
export interface FailureTable {
  /** Milliseconds until `key` may try again; 0 when it may now. */
  refusedForMs(key: string, nowMs: number): number;
  /** Counts one failure of `key`; the time its refusal ends when this failure reached the limit, else 0. */
  record(key: string, nowMs: number): number;
  /** How many keys are remembered now: never more than the table's `maxKeys`. */
  readonly size: number;
}

/**
 * A table of at most `maxKeys` keys that a spray of new keys cannot empty of the keys that matter. A full
 * table first forgets keys whose window has ended, then the oldest key with a single failure; keys with
 * repeated failures are kept until their window ends, and while they fill the table a new key is not
 * counted (its other key — the address of a client_id, the client_id of an address — still is).
 */
export function createFailureTable(maxFailures: number, windowMs: number, maxKeys: number): FailureTable {
  // Insertion order is window order: a key is (re)inserted when its window starts and every window is
  // equally long, so the entries whose window has ended are at the front.
  const entries = new Map<string, Entry>();
  // Keys with a single failure, oldest first: the only ones a new key may displace.
  const singles = new Set<string>();

  const forget = (key: string) => {
    entries.delete(key);
    singles.delete(key);
  };
  const makeRoom = (nowMs: number): boolean => {
    for (const [key, entry] of entries) {
      if (entries.size < maxKeys || entry.windowEndsMs > nowMs) break;
      forget(key);
    }
    if (entries.size < maxKeys) return true;
    const oldestSingle = singles.values().next();
    if (oldestSingle.done === true) return false;
    forget(oldestSingle.value);
    return true;
  };

  return {
    refusedForMs(key, nowMs) {
      const entry = entries.get(key);
      return entry !== undefined && entry.failures >= maxFailures && entry.windowEndsMs > nowMs
        ? entry.windowEndsMs - nowMs
        : 0;
    },
    record(key, nowMs) {
      let entry = entries.get(key);
      if (entry !== undefined && entry.windowEndsMs <= nowMs) {
        forget(key);
        entry = undefined;
      }
      if (entry === undefined) {
        if (!makeRoom(nowMs)) return 0;
        entry = { failures: 0, windowEndsMs: nowMs + windowMs };
        entries.set(key, entry);
      }
      entry.failures += 1;
      if (entry.failures === 1 && maxFailures > 1) singles.add(key);
      else singles.delete(key);
      return entry.failures >= maxFailures ? entry.windowEndsMs : 0;
    },
    get size() {
      return entries.size;
    },
  };
}
