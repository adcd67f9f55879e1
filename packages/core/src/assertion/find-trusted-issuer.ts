import type { TrustedIssuer } from "../domain/trusted-issuer.js";
import { invalidGrant } from "../errors/oauth-error.js";
import type { TrustedIssuerStore } from "../ports/trusted-issuer-store.js";
import { isStorableText } from "../util/storable-text.js";

/** Whether `issuer` is trusted at `now`: enabled and not past its `expiresAt`. */
export function isTrustStanding(issuer: TrustedIssuer, now: Date): boolean {
  return issuer.enabled && (issuer.expiresAt === null || now < issuer.expiresAt);
}

/**
 * The trusted issuer named by an (unverified) `iss`. Unknown, disabled and expired issuers all answer the
 * same public description, so a caller cannot probe which issuers are registered.
 */
export async function findTrustedIssuer(
  store: TrustedIssuerStore,
  iss: unknown,
  now: Date,
): Promise<TrustedIssuer> {
  if (typeof iss !== "string" || iss.length === 0 || !isStorableText(iss)) {
    throw invalidGrant("the iss claim is required and must be a non-empty text", { reason: "iss_invalid" });
  }
  const issuer = await store.findByIssuer(iss);
  if (issuer === null) {
    throw invalidGrant("the assertion's issuer is not trusted", {
      reason: "issuer_unknown",
      detail: `iss ${iss}`,
    });
  }
  if (!issuer.enabled) {
    throw invalidGrant("the assertion's issuer is not trusted", {
      reason: "issuer_disabled",
      detail: `iss ${iss}`,
    });
  }
  if (!isTrustStanding(issuer, now)) {
    throw invalidGrant("the assertion's issuer is not trusted", {
      reason: "issuer_expired",
      detail: `iss ${iss}`,
    });
  }
  return issuer;
}
