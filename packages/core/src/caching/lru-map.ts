/**
 * A map of at most `maxEntries` entries that, to make room, forgets the one least recently read or written.
 * A flood of new keys then pushes out only entries nobody uses, never the whole map.
 */
export interface LruMap<K, V> {
  /** The value, which counts as a use. */
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  delete(key: K): boolean;
  clear(): void;
  readonly size: number;
}

export function createLruMap<K, V>(maxEntries: number): LruMap<K, V> {
  // A Map iterates in insertion order, so re-inserting on use keeps the least recently used first; a hit
  // costs a delete and a set and allocates nothing, and a hit on the entry already last costs neither.
  const entries = new Map<K, V>();
  let newest: K | undefined;
  return {
    get(key) {
      const value = entries.get(key);
      if (value !== undefined && key !== newest) {
        entries.delete(key);
        entries.set(key, value);
        newest = key;
      }
      return value;
    },
    set(key, value) {
      if (!entries.delete(key) && entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
      entries.set(key, value);
      newest = key;
    },
    delete(key) {
      if (key === newest) newest = undefined;
      return entries.delete(key);
    },
    clear() {
      entries.clear();
      newest = undefined;
    },
    get size() {
      return entries.size;
    },
  };
}
