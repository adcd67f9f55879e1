import type { FieldPath } from "../errors/field-path.js";
import { formatFieldPath } from "../errors/field-path.js";
import { OAuthError } from "../errors/oauth-error.js";
import { clientPatchBody, issuerCreateBody, issuerPatchBody } from "./trust-bodies.js";
import type { SecretSource } from "./trust-document.js";
import type { TrustChange, TrustPlan } from "./trust-plan.js";
import type { TrustTarget } from "./trust-target.js";
import { underPathAsync } from "./under-path.js";

/** Reads a confidential client's secret from where the document says (a file, an environment variable). */
export type ReadSecret = (source: SecretSource) => Promise<string>;

/** A step of a plan failed; the message names the entry (`issuers[1].certificate: …`, or `client orders`). */
export class TrustApplyError extends Error {
  override readonly name = "TrustApplyError";
}

function where(change: TrustChange): FieldPath {
  const list = change.kind === "issuer" ? "issuers" : "clients";
  return "index" in change ? [list, change.index] : [list, change.key];
}

async function applyChange(change: TrustChange, target: TrustTarget, readSecret: ReadSecret): Promise<void> {
  if (change.kind === "issuer") {
    if (change.action === "create") return target.createIssuer(issuerCreateBody(change.entry));
    if (change.action === "update")
      return target.updateIssuer(change.id, issuerPatchBody(change.entry, change.changes));
    return target.deleteIssuer(change.id);
  }
  if (change.action === "create") {
    const secret = change.secret === null ? {} : { client_secret: await readSecret(change.secret) };
    return target.createClient({ ...change.entry, ...secret });
  }
  if (change.action === "update")
    return target.updateClient(change.key, clientPatchBody(change.entry, change.changes));
  return target.deleteClient(change.key);
}

/**
 * Carries out a plan step by step, in its order. A secret is read only for a client being created. The first
 * failing step stops the rest and throws a `TrustApplyError` naming its entry; the steps before it stay done,
 * and applying the document again plans only what is left.
 */
export async function applyTrustPlan(
  plan: TrustPlan,
  target: TrustTarget,
  readSecret: ReadSecret,
): Promise<void> {
  for (const change of plan.changes) {
    const path = where(change);
    try {
      await underPathAsync(path, () => applyChange(change, target, readSecret));
    } catch (error) {
      if (error instanceof OAuthError && error.code === "invalid_request") {
        throw new TrustApplyError(error.description, { cause: error });
      }
      const message = error instanceof Error ? error.message : String(error);
      throw new TrustApplyError(`${formatFieldPath(path)} (${change.kind} ${change.key}): ${message}`, {
        cause: error,
      });
    }
  }
}
