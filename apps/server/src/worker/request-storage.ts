import { AsyncLocalStorage } from "node:async_hooks";
import type { Storage } from "@jwtgrant/core";
import type { AppStorage } from "../compose-app.js";

/** Every port of `Storage`, checked complete by the compiler. */
const PORTS = {
  trustedIssuers: true,
  clients: true,
  replayGuard: true,
  refreshTokens: true,
  signingKeys: true,
  revocations: true,
  auditLog: true,
  adminAudit: true,
  adminKeys: true,
} as const satisfies Record<keyof Storage, true>;

type Method = (...args: unknown[]) => unknown;

export interface RequestStorage {
  /** For the app of the isolate: each call goes to the storage of the request that makes it. */
  readonly storage: AppStorage;
  /** Runs `work` (and everything it starts) with `storage` as the request's. */
  run<T>(storage: AppStorage, work: () => T): T;
}

/**
 * A Worker cannot share a database connection between requests, but the app, its caches and its limits are
 * worth keeping for the isolate's life. So the app is composed once, on this storage, which hands each call
 * to the storage opened for the request it comes from (found through the request's async context).
 */
export function createRequestStorage(): RequestStorage {
  const context = new AsyncLocalStorage<AppStorage>();
  const current = (): AppStorage => {
    const storage = context.getStore();
    if (storage === undefined) throw new Error("storage used outside of a request");
    return storage;
  };
  // A proxy rather than a copy of the methods: the port's methods are those of the request's storage,
  // whichever they are. Not a thenable: `then` is no port method.
  const port = <K extends keyof Storage>(name: K): Storage[K] =>
    new Proxy({} as Storage[K], {
      get: (_target, method) =>
        method === "then"
          ? undefined
          : (...args: unknown[]) => {
              const target = current()[name];
              return Reflect.apply(Reflect.get(target, method) as Method, target, args);
            },
    });
  const ports = Object.fromEntries(
    (Object.keys(PORTS) as (keyof Storage)[]).map((name) => [name, port(name)]),
  ) as unknown as Storage;
  return {
    storage: { ...ports, ping: (timeoutMs) => current().ping(timeoutMs) },
    run: (storage, work) => context.run(storage, work),
  };
}
