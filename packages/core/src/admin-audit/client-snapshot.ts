import type { Client } from "../domain/client.js";
import type { JsonObjectValue } from "../domain/json-value.js";
import { clientToWire } from "../wire/client-to-wire.js";

/** Stands in for a client's secret: the log says that there is one, never what it is or its hash. */
export const REDACTED = "[redacted]";

/** A client as the admin API shows it, for the audit log, saying whether it has a secret (`REDACTED`). */
export function clientSnapshot(client: Client): JsonObjectValue {
  return { ...clientToWire(client), client_secret: client.secretHash === null ? null : REDACTED };
}
