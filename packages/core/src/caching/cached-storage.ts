import type { Client } from "../domain/client.js";
import type { SigningKey } from "../domain/signing-key.js";
import type { TrustedIssuer } from "../domain/trusted-issuer.js";
import type { ClientStore } from "../ports/client-store.js";
import type { Clock } from "../ports/clock.js";
import type { SigningKeyStore } from "../ports/signing-key-store.js";
import type { Storage } from "../ports/storage.js";
import type { TrustedIssuerStore } from "../ports/trusted-issuer-store.js";
import { createTtlCache } from "./ttl-cache.js";

export interface CachedStorageOptions {
  readonly clock: Clock;
  /**
   * How long an issuer, a client or the signing keys are served from memory. Instances sharing a database
   * see each other's admin changes within this time; this instance's own changes apply at once.
   */
  readonly maxAgeMs: number;
}

/** Runs a write, then forgets what the cache holds, so this instance never serves its own stale data. */
async function thenClear<T>(write: Promise<T>, clear: () => void): Promise<T> {
  try {
    return await write;
  } finally {
    clear();
  }
}

function cachedTrustedIssuers(store: TrustedIssuerStore, options: CachedStorageOptions): TrustedIssuerStore {
  const byIssuer = createTtlCache<TrustedIssuer | null>(options.clock, options.maxAgeMs);
  const clear = () => byIssuer.clear();
  return {
    findByIssuer: (issuer) => byIssuer.get(issuer, () => store.findByIssuer(issuer)),
    findById: (id) => store.findById(id),
    list: () => store.list(),
    insert: (issuer) => thenClear(store.insert(issuer), clear),
    update: (issuer) => thenClear(store.update(issuer), clear),
    delete: (id) => thenClear(store.delete(id), clear),
  };
}

function cachedClients(store: ClientStore, options: CachedStorageOptions): ClientStore {
  const byId = createTtlCache<Client | null>(options.clock, options.maxAgeMs);
  const clear = () => byId.clear();
  return {
    findById: (clientId) => byId.get(clientId, () => store.findById(clientId)),
    list: () => store.list(),
    insert: (client) => thenClear(store.insert(client), clear),
    update: (client) => thenClear(store.update(client), clear),
    delete: (clientId) => thenClear(store.delete(clientId), clear),
  };
}

function cachedSigningKeys(store: SigningKeyStore, options: CachedStorageOptions): SigningKeyStore {
  const active = createTtlCache<SigningKey | null>(options.clock, options.maxAgeMs);
  const all = createTtlCache<SigningKey[]>(options.clock, options.maxAgeMs);
  const clear = () => {
    active.clear();
    all.clear();
  };
  return {
    findActive: () => active.get("active", () => store.findActive()),
    list: () => all.get("all", () => store.list()),
    activateInitial: (candidate) => thenClear(store.activateInitial(candidate), clear),
    rotate: (next, publishUntil) => thenClear(store.rotate(next, publishUntil), clear),
    rotateFrom: (expected, next, publishUntil) =>
      thenClear(store.rotateFrom(expected, next, publishUntil), clear),
  };
}

/**
 * The storage with the reads of the token endpoint's hot path — the trusted issuer, the client, the
 * signing keys — served from memory for a short time. Everything that decides single use (replay guard,
 * refresh tokens, revocations) still goes to the storage on every call.
 */
export function createCachedStorage(storage: Storage, options: CachedStorageOptions): Storage {
  return {
    ...storage,
    trustedIssuers: cachedTrustedIssuers(storage.trustedIssuers, options),
    clients: cachedClients(storage.clients, options),
    signingKeys: cachedSigningKeys(storage.signingKeys, options),
  };
}
