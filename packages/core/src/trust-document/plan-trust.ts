import { diffEntries } from "./diff-entries.js";
import type { TrustDocument, TrustState } from "./trust-document.js";
import type { TrustChange, TrustPlan } from "./trust-plan.js";

export interface PlanTrustOptions {
  /** Delete the issuers and clients the document does not name. Default: nothing is deleted. */
  readonly prune?: boolean;
}

/**
 * The difference between a document and a server's state, as the steps that make the state match: the one
 * diff both `jwtgrant apply` and the start-up bootstrap use. A document applied twice plans nothing the
 * second time. Client secrets are never compared: only their hashes are stored.
 */
export function planTrust(
  document: TrustDocument,
  state: TrustState,
  options: PlanTrustOptions = {},
): TrustPlan {
  const issuersNow = new Map(state.issuers.map((issuer) => [issuer.entry.issuer, issuer]));
  const clientsNow = new Map(state.clients.map((client) => [client.client_id, client]));
  const issuerChanges: TrustChange[] = document.issuers.flatMap((entry, index): TrustChange[] => {
    const current = issuersNow.get(entry.issuer);
    if (current === undefined) return [{ action: "create", kind: "issuer", key: entry.issuer, index, entry }];
    const changes = diffEntries(current.entry, entry, "issuer");
    return changes.length === 0
      ? []
      : [{ action: "update", kind: "issuer", key: entry.issuer, index, id: current.id, changes, entry }];
  });
  const clientChanges: TrustChange[] = document.clients.flatMap(({ entry, secret }, index): TrustChange[] => {
    const current = clientsNow.get(entry.client_id);
    if (current === undefined) {
      return [{ action: "create", kind: "client", key: entry.client_id, index, entry, secret }];
    }
    const changes = diffEntries(current, entry, "client_id");
    return changes.length === 0
      ? []
      : [{ action: "update", kind: "client", key: entry.client_id, index, changes, entry }];
  });
  if (options.prune !== true) return { changes: [...issuerChanges, ...clientChanges] };
  const declaredIssuers = new Set(document.issuers.map((entry) => entry.issuer));
  const declaredClients = new Set(document.clients.map(({ entry }) => entry.client_id));
  const clientDeletes: TrustChange[] = state.clients
    .filter((client) => !declaredClients.has(client.client_id))
    .map((client) => ({ action: "delete", kind: "client", key: client.client_id }));
  const issuerDeletes: TrustChange[] = state.issuers
    .filter(({ entry }) => !declaredIssuers.has(entry.issuer))
    .map(({ id, entry }) => ({ action: "delete", kind: "issuer", key: entry.issuer, id }));
  return { changes: [...issuerChanges, ...clientChanges, ...clientDeletes, ...issuerDeletes] };
}
