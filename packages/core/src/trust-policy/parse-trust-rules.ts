import { fieldError } from "../admin/field-error.js";
import type { TrustRule } from "../domain/trust-rule.js";
import { utf8Length } from "../util/utf8-length.js";
import { parseTrustRule } from "./parse-trust-rule.js";
import { TRUST_POLICY_LIMITS } from "./trust-policy-limits.js";
import { trustRulesToWire } from "./trust-rules-to-wire.js";

/**
 * An issuer's `rules` as the admin API receives them, validated from untrusted JSON: at least one rule and at
 * most 50, each of the wire form, names unique, the whole at most 64 KiB as JSON. Throws the field error of
 * the first problem, naming its full path (`rules[1].when.ref: glob must be a string`). `null` (no rules)
 * is the caller's to handle: it is not a list of rules.
 *
 * Conditions keep the order their keys have in `input`, which is their evaluation order; a claim named by
 * digits only is refused in that position (JavaScript objects list such keys first) and written as a
 * JSON Pointer instead.
 */
export function parseTrustRules(input: unknown): TrustRule[] {
  if (!Array.isArray(input)) throw fieldError("rules", "must be an array of rules");
  if (input.length === 0) {
    throw fieldError("rules", "must hold at least one rule; to refuse every assertion, disable the issuer");
  }
  if (input.length > TRUST_POLICY_LIMITS.rules) {
    throw fieldError("rules", `must hold at most ${TRUST_POLICY_LIMITS.rules} rules`);
  }
  const items: readonly unknown[] = input;
  const indexByName = new Map<string, number>();
  const rules = items.map((item, index) => {
    const rule = parseTrustRule(["rules", index], item);
    const earlier = indexByName.get(rule.name);
    if (earlier !== undefined)
      throw fieldError(["rules", index, "name"], `repeats the name of rules[${earlier}]`);
    indexByName.set(rule.name, index);
    return rule;
  });
  if (utf8Length(JSON.stringify(trustRulesToWire(rules))) > TRUST_POLICY_LIMITS.policyBytes) {
    throw fieldError("rules", `must take at most ${TRUST_POLICY_LIMITS.policyBytes} bytes as JSON`);
  }
  return rules;
}
