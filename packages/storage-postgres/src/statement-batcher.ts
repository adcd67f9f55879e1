import { setImmediate } from "node:timers";
import type { DatabaseCalls } from "./database-calls.js";
import { isUnavailable } from "./storage-errors.js";

/** Runs one statement for a whole batch; resolves one result per item, in the items' order. */
export type BatchStatement<I, O> = (items: readonly I[]) => Promise<readonly O[]>;

export interface BatchOptions {
  /**
   * Runs one statement of a batch. On the database: one call of `DatabaseCalls`, whose deadline then bounds
   * every call of the batch with a single timer. Default: the statement as it is.
   */
  readonly run?: <T>(statement: () => Promise<T>) => Promise<T>;
  /**
   * Whether a batch that failed with `error` is run again item by item, so that an item the statement
   * cannot take fails its own call only. Say no for errors that would fail every item alike (a lost
   * connection). Default: never.
   */
  readonly retryAlone?: (error: unknown) => boolean;
}

/** Largest batch one statement carries; the rest wait for the next statement. */
const MAX_BATCH = 512;

interface PendingCall<I, O> {
  readonly item: I;
  resolve(result: O): void;
  reject(error: unknown): void;
}

/**
 * Calls made within one turn of the event loop run as one statement, so a burst of token requests costs
 * the database one round trip and one commit instead of one each. The statement must be atomic: when it
 * fails, none of its items took effect, so each call fails, or is retried alone, as if it had run alone.
 * A statement that missed its deadline may yet commit: its calls fail as an outage, and none is retried.
 */
export function batchStatement<I, O>(
  statement: BatchStatement<I, O>,
  options: BatchOptions = {},
): (item: I) => Promise<O> {
  let pending: PendingCall<I, O>[] = [];

  const run = (batch: readonly PendingCall<I, O>[]) => {
    const items = batch.map((call) => call.item);
    (options.run === undefined ? statement(items) : options.run(() => statement(items))).then(
      (results) => {
        batch.forEach((call, index) => {
          call.resolve(results[index] as O);
        });
      },
      (error: unknown) => {
        if (batch.length > 1 && options.retryAlone?.(error) === true) {
          for (const call of batch) run([call]);
          return;
        }
        for (const call of batch) call.reject(error);
      },
    );
  };

  const flush = () => {
    const batch = pending.slice(0, MAX_BATCH);
    pending = pending.slice(MAX_BATCH);
    if (pending.length > 0) setImmediate(flush);
    run(batch);
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ item, resolve, reject });
    });
}

/**
 * For statements on the database: each one call of `calls`; a batch that failed but not for an outage (nor
 * for its deadline) is retried item by item.
 */
export const onDatabase = (calls: DatabaseCalls): BatchOptions => ({
  run: (statement) => calls.run(statement),
  retryAlone: (error) => !isUnavailable(error),
});
