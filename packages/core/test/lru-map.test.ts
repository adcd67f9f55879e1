import { describe, expect, it } from "vitest";
import { createLruMap, type LruMap } from "../src/caching/lru-map.js";

const keysOf = (map: LruMap<string, number>, candidates: readonly string[]) =>
  candidates.filter((key) => map.get(key) !== undefined);

describe("LRU map", () => {
  it("makes room by dropping the entry least recently read or written", () => {
    const map = createLruMap<string, number>(3);
    map.set("a", 1);
    map.set("b", 2);
    map.set("c", 3);
    expect(map.get("a")).toBe(1);
    map.set("d", 4);
    expect(map.size).toBe(3);
    expect(map.get("b")).toBeUndefined();
    map.set("c", 30);
    map.set("e", 5);
    expect(map.get("a")).toBeUndefined();
    expect(keysOf(map, ["c", "d", "e"])).toEqual(["c", "d", "e"]);
  });

  it("counts a read of the newest entry, and keeps order across deletes and clears", () => {
    const map = createLruMap<string, number>(2);
    map.set("a", 1);
    map.set("b", 2);
    map.delete("b");
    map.set("c", 3);
    expect(map.get("a")).toBe(1);
    expect(map.get("a")).toBe(1);
    map.set("d", 4);
    expect(map.get("c")).toBeUndefined();
    expect(map.get("a")).toBe(1);
    map.clear();
    expect(map.size).toBe(0);
    map.set("x", 1);
    map.set("y", 2);
    expect(map.get("x")).toBe(1);
    map.set("z", 3);
    expect(map.get("y")).toBeUndefined();
    expect(map.get("x")).toBe(1);
  });
});
