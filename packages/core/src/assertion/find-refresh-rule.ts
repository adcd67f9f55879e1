import type { RefreshTokenRecord } from "../domain/refresh-token.js";
import type { TrustRule } from "../domain/trust-rule.js";
import type { TrustedIssuer } from "../domain/trusted-issuer.js";
import { invalidGrant } from "../errors/oauth-error.js";

/**
 * The trust rule a refresh token family was granted by, as the issuer has it now. A rule that was removed
 * or renamed ends its families, as do rules added to an issuer that had none when the family began, and a
 * rule that no longer allows refresh tokens.
 */
export function findRefreshRule(issuer: TrustedIssuer, record: RefreshTokenRecord): TrustRule | null {
  if (record.rule === null && issuer.rules === null) return null;
  const rule = issuer.rules?.find((candidate) => candidate.name === record.rule);
  if (rule === undefined) {
    throw invalidGrant("the trust rule that granted the refresh token no longer exists", {
      reason: "refresh_rule_gone",
      detail: `iss ${issuer.issuer}, rule ${record.rule ?? "(none)"}`,
    });
  }
  if (!rule.refreshTokens) {
    throw invalidGrant("the trust rule that granted the refresh token no longer allows refresh tokens", {
      reason: "refresh_rule_forbids",
      detail: `iss ${issuer.issuer}, rule ${rule.name}`,
    });
  }
  return rule;
}
