import { type GrantParties, UNKNOWN_PARTIES } from "../domain/grant-parties.js";
import { OAuthError } from "../errors/oauth-error.js";
import { toStorableText } from "../util/storable-text.js";
import { parseCompactJws } from "./parse-compact-jws.js";

/** Unverified values are kept short and storable: they come from whoever sent the request. */
const MAX_PEEKED_LENGTH = 256;

const shortString = (value: unknown): string | null =>
  typeof value === "string" ? toStorableText(value.slice(0, MAX_PEEKED_LENGTH)) : null;

/** `iss`, `sub` and `jti` of a JWT without verifying it, for the audit trail of a refused grant. */
export function peekParties(token: string | undefined, maxBytes: number): GrantParties {
  if (token === undefined) return UNKNOWN_PARTIES;
  try {
    const { claims } = parseCompactJws(token, maxBytes);
    return {
      issuer: shortString(claims.iss),
      subject: shortString(claims.sub),
      jti: shortString(claims.jti),
    };
  } catch (error) {
    if (error instanceof OAuthError) return UNKNOWN_PARTIES;
    throw error;
  }
}
