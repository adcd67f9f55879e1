import { StorageUnavailableError } from "@jwtgrant/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBoundedCalls } from "../src/database-calls.js";
import { batchStatement, onDatabase } from "../src/statement-batcher.js";

/** A piece of database work the test settles by hand, recording whether it was ever started. */
function work<T>() {
  let settle!: { resolve(value: T): void; reject(error: unknown): void };
  const state = { started: false };
  const run = () => {
    state.started = true;
    return new Promise<T>((resolve, reject) => {
      settle = { resolve, reject };
    });
  };
  return {
    run,
    get started() {
      return state.started;
    },
    resolve: (value: T) => settle.resolve(value),
    reject: (error: unknown) => settle.reject(error),
  };
}

const outcome = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

describe("bounded database calls", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("fails a call that has not answered within its deadline, as an outage", async () => {
    const calls = createBoundedCalls({ timeoutMs: 3000, maxConcurrent: 2 });
    const stuck = work<string>();
    const result = outcome(calls.run(stuck.run));
    await vi.advanceTimersByTimeAsync(2999);
    stuck.resolve("in time");
    expect(await result).toEqual({ value: "in time" });

    const silent = work<string>();
    const late = outcome(calls.run(silent.run));
    await vi.advanceTimersByTimeAsync(3000);
    const failed = (await late) as { error: Error };
    expect(failed.error).toBeInstanceOf(StorageUnavailableError);
    expect(failed.error.message).toBe("the database did not answer within 3000 ms");
    silent.resolve("ignored");
    expect(await late).toEqual(failed);
  });

  it("reports a lost connection as an outage and passes any other error unchanged", async () => {
    const calls = createBoundedCalls({ timeoutMs: 3000, maxConcurrent: 2 });
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    await expect(calls.run(() => Promise.reject(refused))).rejects.toBeInstanceOf(StorageUnavailableError);
    const bug = new TypeError("a bug");
    await expect(calls.run(() => Promise.reject(bug))).rejects.toBe(bug);
  });

  it("runs no more calls at once than the pool has connections; the others start in order as they finish", async () => {
    const calls = createBoundedCalls({ timeoutMs: 3000, maxConcurrent: 2 });
    const [a, b, c, d] = [work<string>(), work<string>(), work<string>(), work<string>()];
    const results = [a, b, c, d].map((call) => calls.run(call.run));
    expect([a.started, b.started, c.started, d.started]).toEqual([true, true, false, false]);
    b.resolve("b");
    await expect(results[1]).resolves.toBe("b");
    expect([c.started, d.started]).toEqual([true, false]);
    a.reject(new TypeError("a"));
    await expect(results[0]).rejects.toThrow("a");
    expect(d.started).toBe(true);
    c.resolve("c");
    d.resolve("d");
    await expect(Promise.all([results[2], results[3]])).resolves.toEqual(["c", "d"]);
  });

  it("never starts a call whose deadline passed while it waited for a connection", async () => {
    const calls = createBoundedCalls({ timeoutMs: 3000, maxConcurrent: 1 });
    const stuck = work<string>();
    const waiting = work<string>();
    const first = outcome(calls.run(stuck.run));
    const second = outcome(calls.run(waiting.run));
    await vi.advanceTimersByTimeAsync(3000);
    expect(await second).toEqual({ error: expect.any(StorageUnavailableError) });
    expect(await first).toEqual({ error: expect.any(StorageUnavailableError) });
    stuck.resolve("late");
    await vi.advanceTimersByTimeAsync(0);
    expect(waiting.started).toBe(false);
  });

  it("keeps the connection of an overdue call taken, and counts the call overdue, until its work settles", async () => {
    const calls = createBoundedCalls({ timeoutMs: 3000, maxConcurrent: 1 });
    const stuck = work<string>();
    const next = work<string>();
    void outcome(calls.run(stuck.run));
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls.overdue).toBe(1);
    const queued = calls.run(next.run);
    expect(next.started).toBe(false);
    stuck.reject(Object.assign(new Error("socket destroyed"), { code: "CONNECTION_CLOSED" }));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.overdue).toBe(0);
    expect(next.started).toBe(true);
    next.resolve("fresh connection");
    await expect(queued).resolves.toBe("fresh connection");
  });

  it("gives back, a second deadline later, the place of a call whose work never settles", async () => {
    const calls = createBoundedCalls({ timeoutMs: 3000, maxConcurrent: 1 });
    const lost = work<string>();
    const next = work<string>();
    void outcome(calls.run(lost.run));
    const queued = outcome(calls.run(next.run));
    await vi.advanceTimersByTimeAsync(3000);
    expect(await queued).toEqual({ error: expect.any(StorageUnavailableError) });
    await vi.advanceTimersByTimeAsync(1500);
    const after = work<string>();
    const later = calls.run(after.run);
    await vi.advanceTimersByTimeAsync(1499);
    expect([calls.overdue, after.started]).toEqual([1, false]);
    await vi.advanceTimersByTimeAsync(1);
    expect([calls.overdue, after.started]).toEqual([0, true]);
    after.resolve("served");
    await expect(later).resolves.toBe("served");
    expect(next.started).toBe(false);
  });

  it("runs a probe ahead of the calls waiting, within its own deadline", async () => {
    const calls = createBoundedCalls({ timeoutMs: 3000, maxConcurrent: 1 });
    const busy = work<string>();
    const waiting = work<string>();
    const probe = work<string>();
    const running = calls.run(busy.run);
    const queued = calls.run(waiting.run);
    const probed = calls.probe(probe.run, 500);
    busy.resolve("done");
    await running;
    expect([probe.started, waiting.started]).toEqual([true, false]);
    probe.resolve("ready");
    await expect(probed).resolves.toBe("ready");
    expect(waiting.started).toBe(true);
    waiting.resolve("after");
    await queued;

    const stuck = work<string>();
    void outcome(calls.run(stuck.run));
    const slow = outcome(calls.probe(work<string>().run, 500));
    await vi.advanceTimersByTimeAsync(500);
    expect(await slow).toEqual({ error: expect.any(StorageUnavailableError) });
    expect(((await slow) as { error: Error }).error.message).toBe(
      "the database did not answer within 500 ms",
    );
  });

  it("bounds a whole batch with one deadline, failing each of its calls as an outage and retrying none alone", async () => {
    const calls = createBoundedCalls({ timeoutMs: 3000, maxConcurrent: 2 });
    const statements: string[][] = [];
    const insert = batchStatement<string, string>((items) => {
      statements.push([...items]);
      return new Promise<never>(() => {});
    }, onDatabase(calls));
    const results = ["a", "b", "c"].map((item) => outcome(insert(item)));
    await vi.advanceTimersByTimeAsync(3000);
    for (const result of await Promise.all(results)) {
      expect(result).toEqual({ error: expect.any(StorageUnavailableError) });
    }
    expect(statements).toEqual([["a", "b", "c"]]);
  });
});
