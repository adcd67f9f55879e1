import { describe, expect, it } from "vitest";
import { addressKey } from "../src/client-auth/address-key.js";
import {
  type AuthenticationSource,
  createFailedAuthenticationLimiter,
  type FailedAuthenticationLimits,
} from "../src/client-auth/failed-authentication-limiter.js";
import { createFrozenClock } from "../src/testing/frozen-clock.js";

function limiterWith(limits: FailedAuthenticationLimits = {}) {
  const clock = createFrozenClock();
  const limiter = createFailedAuthenticationLimiter({ clock, ...limits });
  const fail = (source: Partial<AuthenticationSource>, times = 1) => {
    for (let i = 0; i < times; i++) {
      limiter.recordFailure({ clientId: undefined, address: undefined, ...source });
    }
  };
  const wait = (source: Partial<AuthenticationSource>) =>
    limiter.retryAfterSeconds(() => ({ clientId: undefined, address: undefined, ...source }));
  return { clock, limiter, fail, wait };
}

describe("the failed-authentication limiter", () => {
  it("refuses a client_id after 10 failures until the window from its first failure ends", () => {
    const { clock, fail, wait } = limiterWith();
    fail({ clientId: "victim" }, 9);
    expect(wait({ clientId: "victim" })).toBe(0);
    clock.advance(15);
    fail({ clientId: "victim" });
    expect(wait({ clientId: "victim" })).toBe(45);
    expect(wait({ clientId: "other" })).toBe(0);
    clock.advance(44);
    expect(wait({ clientId: "victim" })).toBe(1);
    clock.advance(1);
    expect(wait({ clientId: "victim" })).toBe(0);
  });

  it("counts afresh after the window: old failures do not add up with new ones", () => {
    const { clock, fail, wait } = limiterWith();
    fail({ clientId: "c" }, 9);
    clock.advance(60);
    fail({ clientId: "c" }, 9);
    expect(wait({ clientId: "c" })).toBe(0);
    fail({ clientId: "c" });
    expect(wait({ clientId: "c" })).toBe(60);
  });

  it("refuses an address after 50 failures, whichever client_ids they named", () => {
    const { fail, wait } = limiterWith();
    for (let i = 0; i < 49; i++) fail({ clientId: `c${i}`, address: "192.0.2.7" });
    expect(wait({ clientId: "fresh", address: "192.0.2.7" })).toBe(0);
    fail({ clientId: "c49", address: "192.0.2.7" });
    expect(wait({ clientId: "fresh", address: "192.0.2.7" })).toBe(60);
    expect(wait({ clientId: "fresh", address: "192.0.2.8" })).toBe(0);
    expect(wait({ clientId: "c1", address: undefined })).toBe(0);
  });

  it("counts an IPv6 host by its /64 and an IPv4-mapped address as IPv4", () => {
    const { fail, wait } = limiterWith({ maxFailuresPerAddress: 2 });
    fail({ address: "2001:db8:1:2::1" });
    fail({ address: "2001:0db8:0001:0002:ffff:ffff:ffff:ffff" });
    expect(wait({ address: "2001:db8:1:2:abcd::9" })).toBe(60);
    expect(wait({ address: "2001:db8:1:3::1" })).toBe(0);
    fail({ address: "::ffff:192.0.2.1" }, 2);
    expect(wait({ address: "192.0.2.1" })).toBe(60);
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
    expect(addressKey("not:an:address::x")).toBe("not:an:address::x");
  });

  it("does not call the source, nor read the clock, while no key is refused", () => {
    let now = 0;
    let reads = 0;
    const clock = {
      now: () => {
        reads += 1;
        return new Date(now);
      },
    };
    const limiter = createFailedAuthenticationLimiter({ clock, maxFailuresPerClient: 2 });
    let asked = 0;
    const source = () => {
      asked += 1;
      return { clientId: "c", address: undefined };
    };
    limiter.recordFailure({ clientId: "c", address: undefined });
    reads = 0;
    expect(limiter.retryAfterSeconds(source)).toBe(0);
    expect({ asked, reads }).toEqual({ asked: 0, reads: 0 });
    limiter.recordFailure({ clientId: "c", address: undefined });
    expect(limiter.retryAfterSeconds(source)).toBe(60);
    now = 60_000;
    expect(limiter.retryAfterSeconds(source)).toBe(0);
    asked = 0;
    reads = 0;
    expect(limiter.retryAfterSeconds(source)).toBe(0);
    expect({ asked, reads }).toEqual({ asked: 0, reads: 0 });
  });

  it("keeps an attacked client_id through a spray of 100,000 random ones, within its bound", () => {
    const { fail, wait, limiter } = limiterWith({ maxTrackedKeys: 1000 });
    fail({ clientId: "victim" }, 5);
    let largest = 0;
    for (let i = 0; i < 100_000; i++) {
      const address = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      limiter.recordFailure({ clientId: Math.random().toString(36).slice(2), address });
      const tracked = limiter.trackedKeys();
      largest = Math.max(largest, tracked.clients, tracked.addresses);
    }
    expect(largest).toBe(1000);
    fail({ clientId: "victim" }, 4);
    expect(wait({ clientId: "victim" })).toBe(0);
    fail({ clientId: "victim" });
    expect(wait({ clientId: "victim" })).toBe(60);
  }, 30_000);

  it("stops counting new keys, rather than forget repeat offenders, when they fill the table", () => {
    const { clock, fail, wait, limiter } = limiterWith({ maxTrackedKeys: 3 });
    for (const clientId of ["a", "b", "c"]) fail({ clientId }, 2);
    fail({ clientId: "d" }, 10);
    expect(wait({ clientId: "d" })).toBe(0);
    fail({ clientId: "a" }, 8);
    expect(wait({ clientId: "a" })).toBe(60);
    expect(limiter.trackedKeys().clients).toBe(3);
    clock.advance(60);
    fail({ clientId: "d" }, 10);
    expect(wait({ clientId: "d" })).toBe(60);
  });

  it("counts a client_id of any length within a bounded key", () => {
    const { fail, wait } = limiterWith({ maxFailuresPerClient: 2 });
    const long = "x".repeat(100_000);
    fail({ clientId: `${long}1` });
    fail({ clientId: `${long}2` });
    expect(wait({ clientId: `${long}3` })).toBe(60);
    expect(wait({ clientId: "x" })).toBe(0);
  });

  it("turns a limit off with 0, and refuses nonsense limits", () => {
    const { fail, wait } = limiterWith({ maxFailuresPerClient: 0, maxFailuresPerAddress: 0 });
    fail({ clientId: "c", address: "192.0.2.1" }, 1000);
    expect(wait({ clientId: "c", address: "192.0.2.1" })).toBe(0);
    const clock = createFrozenClock();
    expect(() => createFailedAuthenticationLimiter({ clock, windowSeconds: 0 })).toThrow(TypeError);
    expect(() => createFailedAuthenticationLimiter({ clock, maxFailuresPerClient: 1.5 })).toThrow(TypeError);
    expect(() => createFailedAuthenticationLimiter({ clock, maxTrackedKeys: 0 })).toThrow(TypeError);
  });
});
