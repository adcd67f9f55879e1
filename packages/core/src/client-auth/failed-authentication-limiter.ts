import type { Clock } from "../ports/clock.js";
import { addressKey } from "./address-key.js";
import { createFailureTable, type FailureTable } from "./failure-table.js";

/** How many failed client authentications are tolerated, and for how long they are remembered. */
export interface FailedAuthenticationLimits {
  /**
   * Failed authentications of one client_id within a window after which its attempts are refused until the
   * window ends; 0 turns the per-client limit off. Default 10.
   */
  readonly maxFailuresPerClient?: number;
  /**
   * The same for one source address (an IPv6 address counts by its /64); 0 turns the per-address limit
   * off. Default 50.
   */
  readonly maxFailuresPerAddress?: number;
  /** A key's window starts at its first failure and lasts this long. Default 60. */
  readonly windowSeconds?: number;
  /** Most client_ids, and most addresses, remembered at once. Default 10000. */
  readonly maxTrackedKeys?: number;
}

export interface FailedAuthenticationLimiterOptions extends FailedAuthenticationLimits {
  readonly clock: Clock;
}

/** Who tried to authenticate: the client_id it claimed and the address it came from, either unknown. */
export interface AuthenticationSource {
  readonly clientId: string | undefined;
  readonly address: string | undefined;
}

export interface FailedAuthenticationLimiter {
  /**
   * Whole seconds until the source may try again; 0 when it may now. While no key is refused this reads
   * nothing, not even the clock, and never calls `source`: a successful authentication costs nothing.
   */
  retryAfterSeconds(source: () => AuthenticationSource): number;
  /** Counts one failed authentication against the source's client_id and its address. */
  recordFailure(source: AuthenticationSource): void;
  /** How many client_ids and addresses are remembered now; each at most `maxTrackedKeys`. */
  trackedKeys(): { readonly clients: number; readonly addresses: number };
}

// No registered client_id is this long; longer ones are counted by this prefix, so a key costs bounded memory.
const MAX_KEY_LENGTH = 256;

const boundedKey = (key: string) => (key.length > MAX_KEY_LENGTH ? key.slice(0, MAX_KEY_LENGTH) : key);

function integerAtLeast(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min)
    throw new TypeError(`${name} must be an integer of at least ${min}`);
  return value;
}

/** A table that counts nothing, for a limit turned off. */
const NO_TABLE: FailureTable = { refusedForMs: () => 0, record: () => 0, size: 0 };

/**
 * Refuses client authentication for a while after repeated failures, per client_id and per source address,
 * in this instance's memory. A success neither resets nor reads the counts: failures age out with their
 * window, so an attacker's guesses interleaved with the real client's successes are still counted.
 */
export function createFailedAuthenticationLimiter(
  options: FailedAuthenticationLimiterOptions,
): FailedAuthenticationLimiter {
  const { clock } = options;
  const windowMs = integerAtLeast("windowSeconds", options.windowSeconds ?? 60, 1) * 1000;
  const maxKeys = integerAtLeast("maxTrackedKeys", options.maxTrackedKeys ?? 10_000, 1);
  const table = (name: string, maxFailures: number) =>
    integerAtLeast(name, maxFailures, 0) === 0
      ? NO_TABLE
      : createFailureTable(maxFailures, windowMs, maxKeys);
  const clients = table("maxFailuresPerClient", options.maxFailuresPerClient ?? 10);
  const addresses = table("maxFailuresPerAddress", options.maxFailuresPerAddress ?? 50);
  // When the last refusal now known ends; 0 when none is known, which is the fast path of every request.
  let refusingUntilMs = 0;

  return {
    retryAfterSeconds(source) {
      if (refusingUntilMs === 0) return 0;
      const nowMs = clock.now().getTime();
      if (nowMs >= refusingUntilMs) {
        refusingUntilMs = 0;
        return 0;
      }
      const { clientId, address } = source();
      const waitMs = Math.max(
        clientId === undefined ? 0 : clients.refusedForMs(boundedKey(clientId), nowMs),
        address === undefined ? 0 : addresses.refusedForMs(addressKey(boundedKey(address)), nowMs),
      );
      return Math.ceil(waitMs / 1000);
    },
    recordFailure({ clientId, address }) {
      const nowMs = clock.now().getTime();
      const refusedUntil = Math.max(
        clientId === undefined ? 0 : clients.record(boundedKey(clientId), nowMs),
        address === undefined ? 0 : addresses.record(addressKey(boundedKey(address)), nowMs),
      );
      refusingUntilMs = Math.max(refusingUntilMs, refusedUntil);
    },
    trackedKeys: () => ({ clients: clients.size, addresses: addresses.size }),
  };
}
