import { type AsymmetricAlgorithm, isAsymmetricAlgorithm } from "../domain/algorithms.js";
import { invalidGrant } from "../errors/oauth-error.js";
import type { JsonObject } from "./parse-compact-jws.js";

export interface CheckedHeader {
  readonly alg: AsymmetricAlgorithm;
  readonly kid: string | undefined;
}

/**
 * The header rules: `alg` asymmetric and, when the issuer has an allow-list, in it (`none` and `HS*` never);
 * any `crit` refused, since this server implements no JWS extension. `jku`, `x5u`, `jwk` and `x5c` are
 * ignored: keys come only from the issuer's registration, and `kid` only selects among them.
 */
export function checkJwsHeader(
  header: JsonObject,
  allowed: readonly AsymmetricAlgorithm[] | null,
): CheckedHeader {
  const { alg, kid, crit } = header;
  if (!isAsymmetricAlgorithm(alg)) {
    throw invalidGrant("the assertion's alg is not an accepted asymmetric algorithm", {
      reason: "alg_not_allowed",
      detail: `alg ${JSON.stringify(alg)}`,
    });
  }
  if (allowed !== null && !allowed.includes(alg)) {
    throw invalidGrant("the assertion's alg is not allowed for its issuer", {
      reason: "alg_not_allowed",
      detail: `alg ${alg}, allowed ${allowed.join(" ")}`,
    });
  }
  if (crit !== undefined) {
    throw invalidGrant("the assertion's header names critical extensions this server does not support", {
      reason: "crit_unsupported",
    });
  }
  if (kid !== undefined && typeof kid !== "string") {
    throw invalidGrant("the assertion's kid must be a string", { reason: "assertion_malformed" });
  }
  return { alg, kid };
}
