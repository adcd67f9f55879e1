/** A claim value a condition compares with: `eq` and `in` never coerce between these types. */
export type ClaimScalar = string | number | boolean;

/** The operators of a rule's condition. */
export const CONDITION_OPERATORS = ["eq", "in", "glob", "contains", "exists"] as const;

export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** One condition of a rule: a claim, addressed by name or RFC 6901 JSON Pointer, and one operator. */
export type TrustCondition = {
  /** The claim as the operator wrote it: a claim name, or a JSON Pointer starting with `/`. */
  readonly claim: string;
} & (
  | { readonly operator: "eq"; readonly value: ClaimScalar; readonly ignoreCase: boolean }
  | { readonly operator: "in"; readonly value: readonly ClaimScalar[]; readonly ignoreCase: boolean }
  | { readonly operator: "glob"; readonly value: string; readonly ignoreCase: boolean }
  | { readonly operator: "contains"; readonly value: ClaimScalar }
  | { readonly operator: "exists"; readonly value: boolean }
);

/** An access-token claim taken from the assertion: `target` ← the assertion's `source` claim. */
export interface ClaimMapping {
  readonly target: string;
  /** A claim name, or a JSON Pointer starting with `/`. */
  readonly source: string;
}

/**
 * One rule of an issuer's trust policy: the assertions it accepts (every condition holds, in order) and
 * what they get. Rules are tried in order; the first that matches decides.
 */
export interface TrustRule {
  /** Unique within the issuer; a refresh token remembers the rule that granted it by this name. */
  readonly name: string;
  readonly conditions: readonly TrustCondition[];
  /** The most this rule grants; `null`: no limit beyond the issuer's and the client's. */
  readonly scope: readonly string[] | null;
  /** The access token's `sub`, from `{claim}` or `{/pointer}` placeholders; `null`: the assertion's `sub`. */
  readonly subject: string | null;
  /** Claims copied into the access token, in the order written. */
  readonly claims: readonly ClaimMapping[];
  /** Seconds; caps the client's and the server's access-token lifetime. `null`: no cap of its own. */
  readonly accessTokenTtl: number | null;
  /** Whether an assertion matched by this rule may yield a refresh token. */
  readonly refreshTokens: boolean;
}
