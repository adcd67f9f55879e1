import { MAX_ACCESS_TOKEN_TTL } from "../admin/clients.js";
import { fieldError } from "../admin/field-error.js";
import type { ClaimMapping, TrustCondition, TrustRule } from "../domain/trust-rule.js";
import type { FieldPath } from "../errors/field-path.js";
import { parseScope } from "../scope/parse-scope.js";
import { isStorableText } from "../util/storable-text.js";
import { claimReferenceProblem } from "./claim-reference-problem.js";
import { ownProperty } from "./own-property.js";
import { parseSubjectTemplate } from "./parse-subject-template.js";
import { parseTrustCondition } from "./parse-trust-condition.js";
import { isReservedClaim } from "./reserved-claims.js";
import { TRUST_POLICY_LIMITS } from "./trust-policy-limits.js";
import { firstUnknownKey, isIndexLikeKey, isWireObject } from "./wire-object.js";

const RULE_FIELDS = ["name", "when", "scope", "subject", "claims", "access_token_ttl", "refresh_tokens"];
const RULE_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

function name(path: FieldPath, value: unknown): string {
  if (value === undefined) throw fieldError([...path, "name"], "is required");
  if (typeof value !== "string" || !RULE_NAME.test(value)) {
    throw fieldError(
      [...path, "name"],
      "must be 1 to 64 of a-z, 0-9, _ and -, starting with a letter or digit",
    );
  }
  return value;
}

/** The conditions in the order their keys are written: the order they are evaluated in. */
function conditions(path: FieldPath, value: unknown): TrustCondition[] {
  const when: FieldPath = [...path, "when"];
  if (value === undefined) throw fieldError(when, "is required");
  if (!isWireObject(value)) throw fieldError(when, "must be an object of conditions, keyed by claim");
  const claims = Object.keys(value);
  if (claims.length === 0) throw fieldError(when, "must hold at least one condition");
  if (claims.length > TRUST_POLICY_LIMITS.conditions) {
    throw fieldError(when, `must hold at most ${TRUST_POLICY_LIMITS.conditions} conditions`);
  }
  return claims.map((claim) => parseTrustCondition([...when, claim], claim, ownProperty(value, claim)));
}

function scope(path: FieldPath, value: unknown): string[] | null {
  if (value === undefined || value === null) return null;
  const field: FieldPath = [...path, "scope"];
  if (typeof value !== "string" || value.length > TRUST_POLICY_LIMITS.scope) {
    throw fieldError(field, `must be a string of at most ${TRUST_POLICY_LIMITS.scope} characters`);
  }
  try {
    return parseScope(value);
  } catch {
    throw fieldError(field, "must be space-separated scope tokens");
  }
}

function subject(path: FieldPath, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const field: FieldPath = [...path, "subject"];
  if (typeof value !== "string" || value.length > TRUST_POLICY_LIMITS.subjectTemplate) {
    throw fieldError(
      field,
      `must be a template of at most ${TRUST_POLICY_LIMITS.subjectTemplate} characters`,
    );
  }
  if (!isStorableText(value)) throw fieldError(field, "must be text without NUL or unpaired surrogates");
  const parsed = parseSubjectTemplate(value);
  if ("problem" in parsed) throw fieldError(field, parsed.problem);
  return value;
}

function targetProblem(target: string): string | null {
  if (target.length === 0 || target.length > TRUST_POLICY_LIMITS.claimReference) {
    return `must be a claim name of 1 to ${TRUST_POLICY_LIMITS.claimReference} characters`;
  }
  if (!isStorableText(target)) return "must be text without NUL or unpaired surrogates";
  if (isReservedClaim(target)) return "is a reserved claim: the access token sets it itself";
  if (isIndexLikeKey(target)) return "must not be digits only";
  return null;
}

/** Mapped claims in the order written: access-token claim name ← the assertion's claim. */
function mappings(path: FieldPath, value: unknown): ClaimMapping[] {
  if (value === undefined || value === null) return [];
  const field: FieldPath = [...path, "claims"];
  if (!isWireObject(value)) throw fieldError(field, "must be an object of claim name to source claim");
  const targets = Object.keys(value);
  if (targets.length > TRUST_POLICY_LIMITS.mappedClaims) {
    throw fieldError(field, `must map at most ${TRUST_POLICY_LIMITS.mappedClaims} claims`);
  }
  return targets.map((target) => {
    const problem = targetProblem(target);
    if (problem !== null) throw fieldError([...field, target], problem);
    const source = ownProperty(value, target);
    if (typeof source !== "string")
      throw fieldError([...field, target], "must be a claim name or JSON Pointer");
    const sourceProblem = claimReferenceProblem(source);
    if (sourceProblem !== null) throw fieldError([...field, target], sourceProblem);
    return { target, source };
  });
}

function accessTokenTtl(path: FieldPath, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isInteger(value) || value <= 0 || value > MAX_ACCESS_TOKEN_TTL) {
    throw fieldError(
      [...path, "access_token_ttl"],
      `must be a whole number of seconds between 1 and ${MAX_ACCESS_TOKEN_TTL}`,
    );
  }
  return value;
}

function refreshTokens(path: FieldPath, value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value !== "boolean") throw fieldError([...path, "refresh_tokens"], "must be true or false");
  return value;
}

/**
 * One rule in wire form, at `path` (`rules[2]`). Unknown members are refused first, then each field is
 * checked in the order of the wire form; the first problem is thrown as a field error naming its full path.
 */
export function parseTrustRule(path: FieldPath, input: unknown): TrustRule {
  if (!isWireObject(input)) throw fieldError(path, "must be an object");
  const unknown = firstUnknownKey(input, RULE_FIELDS);
  if (unknown !== undefined) throw fieldError([...path, unknown], "is not a known field");
  const field = (key: string) => ownProperty(input, key);
  return {
    name: name(path, field("name")),
    conditions: conditions(path, field("when")),
    scope: scope(path, field("scope")),
    subject: subject(path, field("subject")),
    claims: mappings(path, field("claims")),
    accessTokenTtl: accessTokenTtl(path, field("access_token_ttl")),
    refreshTokens: refreshTokens(path, field("refresh_tokens")),
  };
}
