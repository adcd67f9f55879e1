import { describe, expect, it } from "vitest";
import { createCachedStorage } from "../src/caching/cached-storage.js";
import { MAX_CACHED_MISSES, MAX_CACHED_RECORDS } from "../src/caching/ttl-cache.js";
import { createMemoryStorage } from "../src/memory/memory-storage.js";
import type { Storage } from "../src/ports/storage.js";
import { clientFixture, trustedIssuerFixture } from "../src/testing/contract/fixtures.js";
import { describeStorageContract } from "../src/testing/contract/index.js";
import { createFrozenClock } from "../src/testing/frozen-clock.js";

describeStorageContract("memory behind the cache", async () => {
  const clock = createFrozenClock();
  return {
    storage: createCachedStorage(createMemoryStorage({ clock }), { clock, maxAgeMs: 5000 }),
    close: async () => {},
  };
});

function cachedOverMemory() {
  const clock = createFrozenClock();
  const shared = createMemoryStorage({ clock });
  const cached = createCachedStorage(shared, { clock, maxAgeMs: 5000 });
  return { clock, shared, cached };
}

describe("cached storage", () => {
  it("serves another instance's change only after the max age", async () => {
    const { clock, shared, cached } = cachedOverMemory();
    const issuer = trustedIssuerFixture();
    await cached.trustedIssuers.insert(issuer);
    expect((await cached.trustedIssuers.findByIssuer(issuer.issuer))?.enabled).toBe(true);
    await shared.trustedIssuers.update({ ...issuer, enabled: false });
    clock.advance(4.9);
    expect((await cached.trustedIssuers.findByIssuer(issuer.issuer))?.enabled).toBe(true);
    clock.advance(0.1);
    expect((await cached.trustedIssuers.findByIssuer(issuer.issuer))?.enabled).toBe(false);
  });

  it("applies its own writes at once", async () => {
    const { cached } = cachedOverMemory();
    const client = clientFixture();
    expect(await cached.clients.findById(client.clientId)).toBeNull();
    await cached.clients.insert(client);
    expect(await cached.clients.findById(client.clientId)).toStrictEqual(client);
    await cached.clients.delete(client.clientId);
    expect(await cached.clients.findById(client.clientId)).toBeNull();
  });

  it("shares one lookup among concurrent misses", async () => {
    const { shared, clock } = cachedOverMemory();
    let lookups = 0;
    const counting = {
      ...shared,
      clients: {
        ...shared.clients,
        findById: (clientId: string) => {
          lookups += 1;
          return shared.clients.findById(clientId);
        },
      },
    };
    const cached = createCachedStorage(counting, { clock, maxAgeMs: 5000 });
    await Promise.all(Array.from({ length: 10 }, () => cached.clients.findById("c")));
    expect(lookups).toBe(1);
  });

  it("does not keep a failed lookup", async () => {
    const { shared, clock } = cachedOverMemory();
    let fail = true;
    const flaky = {
      ...shared,
      signingKeys: {
        ...shared.signingKeys,
        findActive: () => (fail ? Promise.reject(new Error("down")) : shared.signingKeys.findActive()),
      },
    };
    const cached = createCachedStorage(flaky, { clock, maxAgeMs: 5000 });
    await expect(cached.signingKeys.findActive()).rejects.toThrow("down");
    fail = false;
    await expect(cached.signingKeys.findActive()).resolves.toBeNull();
  });

  it("shares one frozen record among callers, none of whom can change what the others see", async () => {
    const { cached } = cachedOverMemory();
    const issuer = trustedIssuerFixture({ scope: ["read"] });
    await cached.trustedIssuers.insert(issuer);
    const first = await cached.trustedIssuers.findByIssuer(issuer.issuer);
    if (first === null || first.scope === null) throw new Error("issuer not found");
    expect(() => (first.scope as string[]).push("admin")).toThrow(TypeError);
    Object.assign(first, { enabled: false });
    first.createdAt.setTime(0);
    const second = await cached.trustedIssuers.findByIssuer(issuer.issuer);
    expect(second?.scope).toEqual(["read"]);
    expect(second?.enabled).toBe(true);
    expect(second?.createdAt).toEqual(issuer.createdAt);
  });
});

/** A cache over memory storage whose client and issuer lookups are counted per key as they reach storage. */
function countedUnderCache() {
  const clock = createFrozenClock();
  const shared = createMemoryStorage({ clock });
  const counts = new Map<string, number>();
  const counted = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const counting: Storage = {
    ...shared,
    clients: {
      ...shared.clients,
      findById: (clientId) => {
        counted(`client ${clientId}`);
        return shared.clients.findById(clientId);
      },
    },
    trustedIssuers: {
      ...shared.trustedIssuers,
      findByIssuer: (issuer) => {
        counted(`issuer ${issuer}`);
        return shared.trustedIssuers.findByIssuer(issuer);
      },
    },
  };
  const cached = createCachedStorage(counting, { clock, maxAgeMs: 5000 });
  return { clock, shared, cached, lookups: (key: string) => counts.get(key) ?? 0 };
}

// Tens of thousands of lookups: quick alone, slow on a busy machine, so these tests get a long timeout.
describe("cached storage under a flood of keys", { timeout: 60_000 }, () => {
  it("keeps a real client and issuer through a spray of 20,000 unknown client ids and issuers", async () => {
    const { shared, cached, lookups } = countedUnderCache();
    const client = clientFixture();
    const issuer = trustedIssuerFixture();
    await shared.clients.insert(client);
    await shared.trustedIssuers.insert(issuer);
    expect((await cached.clients.findById(client.clientId))?.clientId).toBe(client.clientId);
    expect((await cached.trustedIssuers.findByIssuer(issuer.issuer))?.id).toBe(issuer.id);
    for (let i = 0; i < 20_000; i += 1) {
      await cached.clients.findById(`sprayed-${i}`);
      await cached.trustedIssuers.findByIssuer(`https://sprayed-${i}.example`);
    }
    expect((await cached.clients.findById(client.clientId))?.clientId).toBe(client.clientId);
    expect((await cached.trustedIssuers.findByIssuer(issuer.issuer))?.id).toBe(issuer.id);
    expect(lookups(`client ${client.clientId}`)).toBe(1);
    expect(lookups(`issuer ${issuer.issuer}`)).toBe(1);
  });

  it("drops the least recently used record when full, not every record", async () => {
    const { shared, cached, lookups } = countedUnderCache();
    for (let i = 0; i <= MAX_CACHED_RECORDS; i += 1) {
      await shared.clients.insert(clientFixture({ clientId: `c${i}` }));
    }
    for (let i = 0; i < MAX_CACHED_RECORDS; i += 1) await cached.clients.findById(`c${i}`);
    await cached.clients.findById("c0");
    await cached.clients.findById(`c${MAX_CACHED_RECORDS}`);
    await cached.clients.findById("c0");
    await cached.clients.findById("c2");
    expect(lookups("client c0")).toBe(1);
    expect(lookups("client c2")).toBe(1);
    await cached.clients.findById("c1");
    expect(lookups("client c1")).toBe(2);
  });

  it("keeps misses under a smaller bound of their own, and serves a record once it appears", async () => {
    expect(MAX_CACHED_MISSES).toBeLessThan(MAX_CACHED_RECORDS);
    const { clock, shared, cached, lookups } = countedUnderCache();
    await cached.clients.findById("ghost");
    await cached.clients.findById("ghost");
    expect(lookups("client ghost")).toBe(1);
    for (let i = 0; i < MAX_CACHED_MISSES; i += 1) await cached.clients.findById(`other-${i}`);
    expect(await cached.clients.findById("ghost")).toBeNull();
    expect(lookups("client ghost")).toBe(2);

    await shared.clients.insert(clientFixture({ clientId: "ghost" }));
    clock.advance(5);
    expect((await cached.clients.findById("ghost"))?.clientId).toBe("ghost");
    for (let i = 0; i <= MAX_CACHED_MISSES; i += 1) await cached.clients.findById(`later-${i}`);
    expect((await cached.clients.findById("ghost"))?.clientId).toBe("ghost");
    expect(lookups("client ghost")).toBe(3);
  });

  it("does not keep a lookup that a write on this instance overtook", async () => {
    const { shared, cached, lookups } = countedUnderCache();
    const client = clientFixture();
    const before = cached.clients.findById(client.clientId);
    await cached.clients.insert(client);
    expect(await before).toBeNull();
    expect((await cached.clients.findById(client.clientId))?.clientId).toBe(client.clientId);
    expect(lookups(`client ${client.clientId}`)).toBe(2);
    expect((await shared.clients.findById(client.clientId))?.clientId).toBe(client.clientId);
  });
});
