/**
 * Why an assertion was refused by a check that a client assertion (private_key_jwt) goes through too;
 * `CLIENT_ASSERTION_REFUSAL` names each of these again for that context. An assertion too large or
 * encrypted is not among them: a client assertion's `iss` is read first, so such a one is
 * `client_assertion_malformed` before these checks run.
 */
const ASSERTION_REFUSAL_REASONS = [
  "assertion_malformed",
  "alg_not_allowed",
  "crit_unsupported",
  "unknown_key",
  "bad_signature",
  "sub_invalid",
  "aud_invalid",
  "aud_mismatch",
  "exp_missing",
  "exp_malformed",
  "exp_passed",
  "nbf_malformed",
  "nbf_future",
  "iat_malformed",
  "iat_future",
  "iat_too_old",
  "lifetime_too_long",
  "jti_missing",
  "jti_invalid",
] as const;

export type AssertionRefusalReason = (typeof ASSERTION_REFUSAL_REASONS)[number];

/** A grant-assertion check failing inside a client assertion: the reason the client authentication gets. */
const CLIENT_ASSERTION_REFUSAL = {
  assertion_malformed: "client_assertion_assertion_malformed",
  alg_not_allowed: "client_assertion_alg_not_allowed",
  crit_unsupported: "client_assertion_crit_unsupported",
  unknown_key: "client_assertion_unknown_key",
  bad_signature: "client_assertion_bad_signature",
  sub_invalid: "client_assertion_sub_invalid",
  aud_invalid: "client_assertion_aud_invalid",
  aud_mismatch: "client_assertion_aud_mismatch",
  exp_missing: "client_assertion_exp_missing",
  exp_malformed: "client_assertion_exp_malformed",
  exp_passed: "client_assertion_exp_passed",
  nbf_malformed: "client_assertion_nbf_malformed",
  nbf_future: "client_assertion_nbf_future",
  iat_malformed: "client_assertion_iat_malformed",
  iat_future: "client_assertion_iat_future",
  iat_too_old: "client_assertion_iat_too_old",
  lifetime_too_long: "client_assertion_lifetime_too_long",
  jti_missing: "client_assertion_jti_missing",
  jti_invalid: "client_assertion_jti_invalid",
} as const satisfies Record<AssertionRefusalReason, `client_assertion_${AssertionRefusalReason}`>;

/**
 * Every reason a refusal or failure can carry: the one vocabulary of `OAuthError.reason`, the audit log,
 * the request log and the metrics. The audit log stores these texts, so a member is never renamed.
 */
export const REFUSAL_REASONS = [
  ...ASSERTION_REFUSAL_REASONS,
  ...Object.values(CLIENT_ASSERTION_REFUSAL),
  "assertion_too_large",
  "assertion_encrypted",
  // the request
  "content_type",
  "repeated_parameter",
  "malformed_json",
  "body_too_large",
  "method_not_allowed",
  "not_found",
  "conflict",
  "invalid_field",
  "grant_type_missing",
  "grant_type_unsupported",
  "assertion_missing",
  "refresh_token_missing",
  "token_missing",
  "scope_malformed",
  "scope_claim_invalid",
  // the assertion's issuer and subject
  "iss_invalid",
  "issuer_unknown",
  "issuer_disabled",
  "issuer_expired",
  "issuer_not_trusted",
  "subject_not_allowed",
  "no_rule_matched",
  "issuer_not_allowed_for_client",
  "assertion_replayed",
  // resource indicators (RFC 8707)
  "resource_invalid",
  "resource_not_allowed",
  "resource_not_granted",
  // an ID-JAG (identity assertion authorization grant)
  "id_jag_aud_mismatch",
  "id_jag_client_id_mismatch",
  "id_jag_client_not_confidential",
  "id_jag_cnf_unsupported",
  "id_jag_jti_missing",
  "id_jag_resource_invalid",
  "id_jag_resource_not_allowed",
  // token exchange (RFC 8693)
  "subject_token_missing",
  "subject_token_type_missing",
  "token_type_unsupported",
  "actor_token_type_missing",
  "actor_token_type_without_token",
  "access_token_invalid",
  "access_token_other_client",
  "may_act_mismatch",
  "delegation_too_deep",
  "act_claim_invalid",
  "id_jag_not_exchangeable",
  "requested_token_type_unsupported",
  // the client
  "client_unknown",
  "client_auth_missing",
  "client_auth_method_mismatch",
  "client_secret_invalid",
  "client_id_missing",
  "client_id_mismatch",
  "multiple_client_auth",
  "basic_malformed",
  "client_assertion_type_invalid",
  "client_assertion_malformed",
  "client_keys_missing",
  "client_assertion_iss_sub_mismatch",
  "client_assertion_replayed",
  "client_not_confidential",
  "client_auth_rate_limited",
  "grant_not_allowed",
  "scope_not_allowed",
  // refresh tokens
  "refresh_token_unknown",
  "refresh_token_revoked",
  "refresh_token_expired",
  "refresh_token_reused",
  "refresh_rule_gone",
  "refresh_rule_forbids",
  // the admin API
  "admin_token",
  // the server
  "jwks_unavailable",
  "storage_unavailable",
  "unexpected",
] as const;

export type RefusalReason = (typeof REFUSAL_REASONS)[number];

const isAssertionRefusal = (reason: RefusalReason): reason is AssertionRefusalReason =>
  Object.hasOwn(CLIENT_ASSERTION_REFUSAL, reason);

/** The reason a client authentication gets when its assertion fails a grant-assertion check. */
export function clientAssertionRefusal(reason: RefusalReason): RefusalReason {
  return isAssertionRefusal(reason) ? CLIENT_ASSERTION_REFUSAL[reason] : "client_assertion_malformed";
}
