import { invalidGrant } from "../errors/oauth-error.js";
import type { JsonObject } from "../jws/parse-compact-jws.js";

/**
 * An ID-JAG bound to a key (`cnf`) asks for a sender-constrained token, which this server does not issue yet.
 * It is refused rather than redeemed unbound: dropping the binding would hand a bearer token to whoever holds
 * a grant its issuer meant only for the key's holder.
 */
export function checkIdJagConfirmation(claims: JsonObject): void {
  if (claims.cnf !== undefined) {
    throw invalidGrant(
      "the ID-JAG carries a cnf claim, and this server does not issue sender-constrained tokens",
      { reason: "id_jag_cnf_unsupported" },
    );
  }
}
