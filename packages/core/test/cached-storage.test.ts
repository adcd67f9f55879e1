import { describe, expect, it } from "vitest";
import { createCachedStorage } from "../src/caching/cached-storage.js";
import { createMemoryStorage } from "../src/memory/memory-storage.js";
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
    expect(await cached.clients.findById(client.clientId)).not.toBeNull();
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
