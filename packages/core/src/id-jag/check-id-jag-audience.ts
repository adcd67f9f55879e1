import { invalidGrant } from "../errors/oauth-error.js";
import type { JsonObject } from "../jws/parse-compact-jws.js";

/**
 * An ID-JAG's `aud` names this server's issuer identifier and nothing else: a string, or an array of exactly
 * that one element. The token endpoint URL and an issuer's audience aliases, which plain assertions may name,
 * are refused: the grant is minted for one authorization server, as the IdP's token exchange requested it.
 */
export function checkIdJagAudience(claims: JsonObject, issuerIdentifier: string): void {
  const { aud } = claims;
  const only = Array.isArray(aud) && aud.length === 1 ? aud[0] : aud;
  if (only !== issuerIdentifier) {
    throw invalidGrant(
      `an ID-JAG's aud must be exactly this server's issuer identifier, ${issuerIdentifier}`,
      {
        reason: "id_jag_aud_mismatch",
        detail: `aud ${JSON.stringify(aud)}`,
      },
    );
  }
}
