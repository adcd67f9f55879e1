import { grantAssertionClaimsPolicy } from "../claims/grant-assertion-claims-policy.js";
import { validateJwtClaims } from "../claims/validate-jwt-claims.js";
import type { TrustedIssuer } from "../domain/trusted-issuer.js";
import type { EngineContext } from "../engine/context.js";
import { checkJwsHeader } from "../jws/check-jws-header.js";
import type { JsonObject, ParsedJws } from "../jws/parse-compact-jws.js";
import { verifyJwsSignature } from "../jws/verify-jws-signature.js";
import { findTrustedIssuer } from "./find-trusted-issuer.js";

/**
 * An assertion that passed every stateless check (shape, trusted issuer, header, signature, claims); its
 * `jti` is not yet claimed.
 */
export interface ValidatedAssertion {
  readonly issuer: TrustedIssuer;
  readonly subject: string;
  readonly jti: string | null;
  /** `exp`, seconds since the epoch. */
  readonly exp: number;
  readonly header: JsonObject;
  readonly claims: JsonObject;
}

/**
 * The stateless checks of a decoded assertion, cheapest first: trusted issuer, header, signature, claims.
 * Reads the issuer (and maybe its JWKS URI) but writes nothing.
 */
export async function validateAssertion(ctx: EngineContext, jws: ParsedJws): Promise<ValidatedAssertion> {
  const { settings } = ctx;
  const now = ctx.clock.now();
  const issuer = await findTrustedIssuer(ctx.storage.trustedIssuers, jws.claims.iss, now);
  const header = checkJwsHeader(jws.header, issuer.algorithms);
  await verifyJwsSignature(ctx, jws.parts, header, issuer.keySource, issuer.algorithms);
  const claims = validateJwtClaims(jws.claims, grantAssertionClaimsPolicy(settings, issuer), now);
  return { issuer, ...claims, header: jws.header, claims: jws.claims };
}
