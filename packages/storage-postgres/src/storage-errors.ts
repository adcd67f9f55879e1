import { StorageUnavailableError } from "@jwtgrant/core";

/** Driver error codes of a lost or refused connection (postgres.js and Node's sockets). */
const CONNECTION_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * SQLSTATEs after which the same call may succeed later: connection exceptions (08), shutdowns and
 * terminated backends (57P0x), resource exhaustion (53), statement timeout (57014), serialization (40).
 */
function isTransientSqlState(code: string): boolean {
  return /^(08|53|40|57P0)/.test(code) || code === "57014";
}

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let current = error; current instanceof Error || (typeof current === "object" && current !== null); ) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === "string") codes.push(code);
    if (cause === current) break;
    current = cause;
  }
  return codes;
}

/** Whether the error (or one it wraps) carries the SQLSTATE `code`. */
export function hasSqlState(error: unknown, code: string): boolean {
  return codesOf(error).includes(code);
}

/** Whether the error (or one it wraps) is a unique-constraint violation. */
export const isUniqueViolation = (error: unknown): boolean => hasSqlState(error, "23505");

/**
 * workerd's sockets (`cloudflare:sockets`, under postgres.js on Workers) fail with a message and no code:
 * the ones of a connection refused or lost.
 */
const WORKERS_SOCKET_FAILURES = /^(proxy request failed|Network connection lost)/;

/** The message of the workerd socket failure the error is, or wraps. */
function workersSocketFailure(error: unknown): string | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (WORKERS_SOCKET_FAILURES.test(current.message)) return current.message;
    if (current.cause === current) break;
  }
  return undefined;
}

/** Whether the error (or one it wraps) says the database could not be reached or could not serve now. */
export function isUnavailable(error: unknown): boolean {
  return (
    error instanceof StorageUnavailableError ||
    codesOf(error).some((code) => CONNECTION_CODES.has(code) || isTransientSqlState(code)) ||
    workersSocketFailure(error) !== undefined
  );
}

/**
 * Runs a storage call so that a database outage reaches core as `StorageUnavailableError`; other errors
 * (a bug, a violated constraint) pass unchanged.
 */
export async function guardStorage<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isUnavailable(error) && !(error instanceof StorageUnavailableError)) {
      const what = codesOf(error).join(", ") || workersSocketFailure(error);
      throw new StorageUnavailableError(`database unavailable: ${what}`, {
        cause: error,
      });
    }
    throw error;
  }
}
