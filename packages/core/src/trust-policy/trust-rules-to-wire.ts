import type { ClaimScalar, TrustCondition, TrustRule } from "../domain/trust-rule.js";
import { formatScope } from "../scope/parse-scope.js";

/** A condition in wire form: one operator, and `ignore_case` only when it is on. */
export type TrustConditionWire =
  | { readonly eq: ClaimScalar; readonly ignore_case?: true }
  | { readonly in: readonly ClaimScalar[]; readonly ignore_case?: true }
  | { readonly glob: string; readonly ignore_case?: true }
  | { readonly contains: ClaimScalar }
  | { readonly exists: boolean };

/** A rule in wire form (snake_case, as the admin API reads and writes it); unset optional fields are left out. */
export interface TrustRuleWire {
  readonly name: string;
  readonly when: Readonly<Record<string, TrustConditionWire>>;
  readonly scope?: string;
  readonly subject?: string;
  readonly claims?: Readonly<Record<string, string>>;
  readonly access_token_ttl?: number;
  readonly refresh_tokens: boolean;
}

const ignoreCase = (on: boolean) => (on ? { ignore_case: true as const } : {});

function conditionToWire(condition: TrustCondition): TrustConditionWire {
  switch (condition.operator) {
    case "eq":
      return { eq: condition.value, ...ignoreCase(condition.ignoreCase) };
    case "in":
      return { in: [...condition.value], ...ignoreCase(condition.ignoreCase) };
    case "glob":
      return { glob: condition.value, ...ignoreCase(condition.ignoreCase) };
    case "contains":
      return { contains: condition.value };
    case "exists":
      return { exists: condition.value };
  }
}

function ruleToWire(rule: TrustRule): TrustRuleWire {
  // Object.fromEntries defines members (never assigns them), so a `__proto__` claim stays a member.
  return {
    name: rule.name,
    when: Object.fromEntries(
      rule.conditions.map((condition) => [condition.claim, conditionToWire(condition)]),
    ),
    ...(rule.scope === null ? {} : { scope: formatScope(rule.scope) }),
    ...(rule.subject === null ? {} : { subject: rule.subject }),
    ...(rule.claims.length === 0
      ? {}
      : { claims: Object.fromEntries(rule.claims.map(({ target, source }) => [target, source])) }),
    ...(rule.accessTokenTtl === null ? {} : { access_token_ttl: rule.accessTokenTtl }),
    refresh_tokens: rule.refreshTokens,
  };
}

/**
 * Rules in the wire form `parseTrustRules` reads, for GET responses and exports:
 * `parseTrustRules(trustRulesToWire(rules))` gives back rules equal to `rules`.
 */
export function trustRulesToWire(rules: readonly TrustRule[]): TrustRuleWire[] {
  return rules.map(ruleToWire);
}
