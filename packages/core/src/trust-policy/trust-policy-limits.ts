/**
 * Bounds on an issuer's trust rules, checked when they are saved. Rules are admin input and are stored with
 * the issuer and read on every exchange, so each part is bounded, and the whole policy as well.
 */
export const TRUST_POLICY_LIMITS = {
  /** Rules per issuer. */
  rules: 50,
  /** Conditions per rule. */
  conditions: 32,
  /** Characters of a claim reference (a condition's key, a mapped claim's source) and of a mapped claim's name. */
  claimReference: 256,
  /** Characters of a string compared with `eq`, `in` or `contains`, and of a glob pattern. */
  value: 256,
  /** Values of an `in` list. */
  inValues: 64,
  /** Mapped claims per rule. */
  mappedClaims: 16,
  /** Characters of a rule's `scope`. */
  scope: 1024,
  /** Characters of a subject template. */
  subjectTemplate: 512,
  /** Characters of a rendered subject (the trust-policy contract); a longer one means the rule does not match. */
  renderedSubject: 255,
  /** Bytes of one mapped claim's value, serialized as JSON in UTF-8 (the trust-policy contract). */
  mappedClaimBytes: 4096,
  /** Bytes of the whole policy in its wire form, serialized as JSON in UTF-8. */
  policyBytes: 65_536,
} as const;
