import type { ReadAssertion } from "../assertion/read-assertion.js";
import { type GrantParties, UNKNOWN_PARTIES } from "../domain/grant-parties.js";
import { toStorableText } from "../util/storable-text.js";

/** Unverified values are kept short and storable: they come from whoever sent the request. */
const MAX_PARTY_LENGTH = 256;

const shortString = (value: unknown): string | null =>
  typeof value === "string" ? toStorableText(value.slice(0, MAX_PARTY_LENGTH)) : null;

/**
 * `iss`, `sub` and `jti` of an assertion as it reads before verification: what the audit trail records
 * about the grant, whatever it decides.
 */
export function assertionParties(read: ReadAssertion): GrantParties {
  if (!read.ok) return UNKNOWN_PARTIES;
  const { claims } = read.jws;
  return {
    issuer: shortString(claims.iss),
    subject: shortString(claims.sub),
    jti: shortString(claims.jti),
    actor: null,
  };
}
