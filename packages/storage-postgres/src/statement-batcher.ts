import { setImmediate } from "node:timers";

/** Runs one statement for a whole batch; resolves one result per item, in the items' order. */
export type BatchStatement<I, O> = (items: readonly I[]) => Promise<readonly O[]>;

/** Largest batch one statement carries; the rest wait for the next statement. */
const MAX_BATCH = 512;

/**
 * Calls made within one turn of the event loop run as one statement, so a burst of token requests costs
 * the database one round trip and one commit instead of one each. A failed statement fails every call in
 * its batch, and none of them took effect, as the statement is atomic.
 */
export function batchStatement<I, O>(statement: BatchStatement<I, O>): (item: I) => Promise<O> {
  let pending: { item: I; resolve: (result: O) => void; reject: (error: unknown) => void }[] = [];

  const flush = () => {
    const batch = pending.slice(0, MAX_BATCH);
    pending = pending.slice(MAX_BATCH);
    if (pending.length > 0) setImmediate(flush);
    statement(batch.map((call) => call.item)).then(
      (results) => {
        batch.forEach((call, index) => {
          call.resolve(results[index] as O);
        });
      },
      (error: unknown) => {
        for (const call of batch) call.reject(error);
      },
    );
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ item, resolve, reject });
    });
}
