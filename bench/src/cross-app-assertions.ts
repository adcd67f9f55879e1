// The cross-app variant's tokens, all ES256 from one trusted IdP: ID-JAGs for one client and one resource,
// plain assertions padded to the ID-JAG's size, and the subject and actor tokens of a token exchange.
import type { ClaimsFor } from "./assertions.js";
import { fixedWidthJti } from "./claim-sizes.js";
import { IDP } from "./targets.js";

/** The one resource the client may request, and every ID-JAG names. */
export const RESOURCE = "https://api.bench.example";
export const SCOPE = "read";
const USER = "bench-user";
export const ACTOR = "bench-agent";
const LIFETIME_SECONDS = 300;

export const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
export const JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";
export const ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

/** An assertion's own claims, for `audience` (the server's issuer identifier), with a fresh jti each. */
const assertionClaims =
  (audience: string, subject: string, prefix: string): ClaimsFor =>
  (now, serial) => ({
    iss: IDP,
    sub: subject,
    aud: audience,
    jti: fixedWidthJti(serial, prefix),
    iat: now,
    exp: now + LIFETIME_SECONDS,
    scope: SCOPE,
  });

/** A plain RFC 7523 assertion of the user, as the jwt-bearer grant takes it. */
export const plainClaims = (audience: string) => assertionClaims(audience, USER, "bench");

/** An ID-JAG of the user for `clientId` and the one resource, in the draft's claim order. */
export const idJagClaims =
  (audience: string, clientId: string): ClaimsFor =>
  (now, serial) => {
    const { scope, ...claims } = assertionClaims(audience, USER, "bench")(now, serial);
    return { ...claims, client_id: clientId, resource: RESOURCE, scope };
  };

/** The user's JWT, presented as a token exchange's subject token: single use. */
export const subjectClaims = (audience: string) => assertionClaims(audience, USER, "subject");

/** The actor's own JWT, which it presents with every exchange until it renews it. */
export const actorClaims = (audience: string) => assertionClaims(audience, ACTOR, "actor");

/** A token exchange request: `subject` for an access token, acted on by `actor`. */
export const tokenExchangeBody = (subject: string, actor: string) =>
  [
    `grant_type=${encodeURIComponent(TOKEN_EXCHANGE)}`,
    `subject_token=${subject}`,
    `subject_token_type=${encodeURIComponent(JWT_TOKEN_TYPE)}`,
    `actor_token=${actor}`,
    `actor_token_type=${encodeURIComponent(JWT_TOKEN_TYPE)}`,
  ].join("&");

/**
 * `next`'s token, minted anew once `renewSeconds` have passed, as an actor keeps its token until shortly
 * before it expires; between renewals every request presents the same one.
 */
export function renewedEvery(next: () => string, renewSeconds: number): () => string {
  let token = next();
  let mintedAt = Date.now();
  return () => {
    if (Date.now() - mintedAt >= renewSeconds * 1000) {
      token = next();
      mintedAt = Date.now();
    }
    return token;
  };
}
