import { fieldError } from "../admin/field-error.js";
import type { TrustCondition, TrustRule } from "../domain/trust-rule.js";
import { type MultiTenantIssuer, multiTenantIssuer } from "./multi-tenant-issuer.js";
import { parseClaimReference } from "./parse-claim-reference.js";

/** Whether a condition reads the top-level claim `name`, written as a name or as a JSON Pointer. */
function readsClaim(condition: TrustCondition, name: string): boolean {
  const path = parseClaimReference(condition.claim);
  return path?.length === 1 && path[0] === name;
}

function pinsTenant(rule: TrustRule, issuer: MultiTenantIssuer): boolean {
  return rule.conditions.some(
    (condition) =>
      (condition.operator === "eq" || condition.operator === "in") &&
      issuer.tenantClaims.some((claim) => readsClaim(condition, claim)),
  );
}

const startsWithLiteral = (pattern: string): boolean =>
  pattern.length > 0 && !pattern.startsWith("*") && !pattern.startsWith("?");

function checkTenantPins(
  tenants: MultiTenantIssuer,
  rules: readonly TrustRule[] | null,
  assertionReuse: "single_use" | "allowed",
): void {
  if (tenants.mintsPerJob && assertionReuse === "allowed") {
    throw fieldError("assertion_reuse", `must be single_use: ${tenants.label} mints a token per job`);
  }
  const pin = `pin one of ${tenants.tenantClaims.join(", ")} with eq or in`;
  if (rules === null || rules.length === 0) {
    throw fieldError(
      "rules",
      `are required: ${tenants.label} signs for many tenants, so each rule must ${pin}`,
    );
  }
  const unpinned = rules.findIndex((rule) => !pinsTenant(rule, tenants));
  if (unpinned !== -1) {
    throw fieldError(["rules", unpinned], `must ${pin}: ${tenants.label} signs for many tenants`);
  }
}

function checkSubjectGlobs(rules: readonly TrustRule[]): void {
  rules.forEach((rule, index) => {
    const open = rule.conditions.find(
      (condition) =>
        condition.operator === "glob" && readsClaim(condition, "sub") && !startsWithLiteral(condition.value),
    );
    if (open !== undefined) {
      throw fieldError(
        ["rules", index, "when", open.claim],
        "a glob on sub must start with a literal character",
      );
    }
  });
}

/**
 * The guardrails of a trust policy, checked when an issuer is saved (created, or patched, on the merged
 * result): an issuer that signs for many tenants must have rules, each pinning one of its immutable tenant
 * claims with `eq` or `in`; a CI issuer's assertions may not be reused; and on any issuer a glob on `sub`
 * starts with a literal character. Throws a field error naming the field: `assertion_reuse`, `rules`,
 * `rules[3]` or `rules[0].when.sub`.
 */
export function checkTrustGuardrails(
  issuer: string,
  rules: readonly TrustRule[] | null,
  assertionReuse: "single_use" | "allowed",
): void {
  const tenants = multiTenantIssuer(issuer);
  if (tenants !== null) checkTenantPins(tenants, rules, assertionReuse);
  if (rules !== null) checkSubjectGlobs(rules);
}
