import type { DatabaseCalls } from "./database-calls.js";

type AsyncMethods<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<R> : never;
};

/** The same port with every method made one call of `calls`. */
export function guardPort<T extends AsyncMethods<T>>(calls: DatabaseCalls, port: T): T {
  const guarded = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(port) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    guarded[name] = (...args: unknown[]) => calls.run(() => method(...args));
  }
  return guarded as T;
}
