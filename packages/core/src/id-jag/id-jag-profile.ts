import type { JsonObject } from "../jws/parse-compact-jws.js";

/** The JOSE `typ` of an Identity Assertion JWT Authorization Grant (draft-ietf-oauth-identity-assertion-authz-grant). */
export const ID_JAG_TYPE = "oauth-id-jag+jwt";

/** The grant profile the metadata advertises in `authorization_grant_profiles_supported`. */
export const ID_JAG_GRANT_PROFILE = "urn:ietf:params:oauth:grant-profile:id-jag";

/** How the jwt-bearer grant treated an assertion: under the ID-JAG profile, or as a plain RFC 7523 assertion. */
export type AssertionProfile = "id-jag" | null;

/**
 * Whether a JOSE header declares an ID-JAG. Media type names are case-insensitive, and `typ` may carry the
 * full `application/` form (RFC 7515 §4.1.9); either way the assertion gets the ID-JAG's stricter rules.
 */
export function isIdJag(header: JsonObject): boolean {
  const { typ } = header;
  if (typeof typ !== "string") return false;
  const type = typ.toLowerCase();
  return type === ID_JAG_TYPE || type === `application/${ID_JAG_TYPE}`;
}
