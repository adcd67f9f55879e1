import { StorageUnavailableError } from "@jwtgrant/core";
import { guardStorage } from "./storage-errors.js";

/**
 * How the adapters reach the database. A call is one unit of work: a port method, one batch statement, one
 * audit write. It uses at most one connection at a time and must not make another call through `run`, which
 * could then wait on itself.
 */
export interface DatabaseCalls {
  /** Runs a call; an outage reaches the caller as `StorageUnavailableError`. */
  run<T>(call: () => Promise<T>): Promise<T>;
  /** Runs a readiness probe ahead of the calls waiting, bounded by `timeoutMs` when calls are bounded at all. */
  probe<T>(call: () => Promise<T>, timeoutMs?: number): Promise<T>;
}

/** For an in-process database (PGlite): outages mapped, nothing bounded, since there is no network to lose. */
export const directCalls: DatabaseCalls = {
  run: guardStorage,
  probe: (call) => guardStorage(call),
};

export interface BoundedCallsOptions {
  /**
   * A call not answered after this long fails with `StorageUnavailableError`, whether it was waiting for a
   * connection or running on one.
   */
  readonly timeoutMs: number;
  /** Calls running at once: the pool's connections. The others wait, in order. */
  readonly maxConcurrent: number;
}

export interface BoundedCalls extends DatabaseCalls {
  /**
   * Calls whose deadline has passed while their work still runs. Each holds a connection that has not
   * answered in time: most likely one cut off from the database, which only dropping it will free. A call
   * still running a second deadline later gives its place back: the driver has lost its query.
   */
  readonly overdue: number;
}

type State = "waiting" | "running" | "overdue" | "abandoned" | "settled";

interface PendingCall {
  readonly call: () => Promise<unknown>;
  readonly timeoutMs: number;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  state: State;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Calls with a client-side deadline each, and no more running at once than the pool has connections. A
 * call waiting for a connection is never sent once its deadline has passed, so a request refused with 503
 * while the database was away cannot take effect when it comes back. One timer per call: a batch statement
 * is one call, however many requests it carries.
 */
export function createBoundedCalls(options: BoundedCallsOptions): BoundedCalls {
  // Sets keep insertion order: the first entry is the call that has waited longest.
  const probes = new Set<PendingCall>();
  const waiting = new Set<PendingCall>();
  let running = 0;
  let overdue = 0;

  const startNext = () => {
    const next = first(probes) ?? first(waiting);
    if (next === undefined) return;
    probes.delete(next);
    waiting.delete(next);
    start(next);
  };

  const release = (pending: PendingCall, state: "abandoned" | "settled") => {
    if (pending.state === "overdue") overdue--;
    pending.state = state;
    running--;
    startNext();
  };

  // postgres.js can lose a query: one handed to a connection between its socket's error and its close is
  // never settled. Its call must not keep a place for ever.
  const abandon = (pending: PendingCall) => {
    if (pending.state === "overdue") release(pending, "abandoned");
  };

  const expire = (pending: PendingCall) => {
    if (pending.state === "waiting") {
      probes.delete(pending);
      waiting.delete(pending);
    } else {
      pending.state = "overdue";
      overdue++;
      pending.timer = setTimeout(abandon, pending.timeoutMs, pending);
    }
    pending.reject(new StorageUnavailableError(`the database did not answer within ${pending.timeoutMs} ms`));
  };

  const settle = (pending: PendingCall) => {
    clearTimeout(pending.timer);
    if (pending.state !== "abandoned") release(pending, "settled");
  };

  const start = (pending: PendingCall) => {
    running++;
    pending.state = "running";
    guardStorage(pending.call).then(
      (value) => {
        settle(pending);
        pending.resolve(value);
      },
      (error: unknown) => {
        settle(pending);
        pending.reject(error);
      },
    );
  };

  const enqueue = <T>(call: () => Promise<T>, timeoutMs: number, queue: Set<PendingCall>) =>
    new Promise<T>((resolve, reject) => {
      const pending: PendingCall = {
        call,
        timeoutMs,
        resolve: resolve as (value: unknown) => void,
        reject,
        state: "waiting",
        timer: undefined,
      };
      pending.timer = setTimeout(expire, timeoutMs, pending);
      if (running < options.maxConcurrent) start(pending);
      else queue.add(pending);
    });

  return {
    run: (call) => enqueue(call, options.timeoutMs, waiting),
    probe: (call, timeoutMs = options.timeoutMs) => enqueue(call, timeoutMs, probes),
    get overdue() {
      return overdue;
    },
  };
}

function first<T>(set: Set<T>): T | undefined {
  for (const value of set) return value;
  return undefined;
}
