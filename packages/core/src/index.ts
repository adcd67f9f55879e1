export {
  type AdminAuditQuery,
  DEFAULT_ADMIN_AUDIT_LIMIT,
  MAX_ADMIN_AUDIT_LIMIT,
} from "./admin/admin-audit.js";
export type { AdminKeyInput } from "./admin/admin-keys.js";
export type { ClientCreateInput, ClientInput, ClientWithSecret } from "./admin/clients.js";
export { estimatedSecretBits, MIN_IMPORTED_SECRET_BITS } from "./admin/imported-client-secret.js";
export type { TrustedIssuerInput, TrustedIssuerPatch } from "./admin/trusted-issuers.js";
export { REDACTED } from "./admin-audit/client-snapshot.js";
export { tokenFingerprint } from "./admin-audit/token-fingerprint.js";
export type { ValidatedAssertion } from "./assertion/validate-assertion.js";
export { type CachedStorageOptions, createCachedStorage } from "./caching/cached-storage.js";
export { createLruMap, type LruMap } from "./caching/lru-map.js";
export {
  type ClientCredentials,
  JWT_BEARER_CLIENT_ASSERTION_TYPE,
  type PresentedClientAuthentication,
} from "./client-auth/client-credentials.js";
export {
  type AuthenticationSource,
  createFailedAuthenticationLimiter,
  type FailedAuthenticationLimiter,
  type FailedAuthenticationLimiterOptions,
  type FailedAuthenticationLimits,
} from "./client-auth/failed-authentication-limiter.js";
export { presentedClientId } from "./client-auth/presented-client-id.js";
export { createJoseJwsCrypto } from "./crypto/jose-jws-crypto.js";
export type * from "./domain/actor-claim.js";
export * from "./domain/admin-actor.js";
export * from "./domain/admin-audit-record.js";
export type * from "./domain/admin-key.js";
export * from "./domain/algorithms.js";
export * from "./domain/client.js";
export type * from "./domain/json-value.js";
export type * from "./domain/jwk.js";
export type * from "./domain/refresh-token.js";
export type * from "./domain/signing-key.js";
export type * from "./domain/token-response.js";
export * from "./domain/trust-rule.js";
export type * from "./domain/trusted-issuer.js";
export * from "./engine/create-engine.js";
export type * from "./engine/engine.js";
export type * from "./engine/settings.js";
export * from "./errors/admin-errors.js";
export * from "./errors/field-path.js";
export * from "./errors/oauth-error.js";
export * from "./errors/refusal-reason.js";
export * from "./errors/storage-unavailable-error.js";
export type { CheckedJwtBearer } from "./grants/check-jwt-bearer.js";
export type { RefreshRequest } from "./grants/exchange-refresh-token.js";
export type { ExplainedToken, ExplainRequest, Explanation } from "./grants/explain-jwt-bearer.js";
export type { Introspection, IntrospectionRequest } from "./grants/introspect-token.js";
export type { JwtBearerRequest } from "./grants/jwt-bearer-request.js";
export type { RevocationRequest } from "./grants/revoke-token.js";
export {
  REPEATABLE_PARAMETERS,
  type RepeatableParameter,
  type TokenParameters,
  type TokenRequest,
  tokenParameters,
} from "./grants/token-request.js";
export { type AssertionProfile, ID_JAG_GRANT_PROFILE, ID_JAG_TYPE } from "./id-jag/id-jag-profile.js";
export { certificateToJwk } from "./keys/certificate-to-jwk.js";
export { publicKeyFingerprint } from "./keys/public-key-fingerprint.js";
export { hasAcceptableKeySize } from "./keys/rsa-key-size.js";
export { createMemoryStorage } from "./memory/memory-storage.js";
export type * from "./ports/admin-audit-log.js";
export type * from "./ports/admin-key-store.js";
export type * from "./ports/client-store.js";
export * from "./ports/clock.js";
export type * from "./ports/fetch.js";
export type * from "./ports/grant-audit-log.js";
export type * from "./ports/jws-crypto.js";
export type * from "./ports/refresh-token-store.js";
export type * from "./ports/replay-guard.js";
export type * from "./ports/revocation-store.js";
export type * from "./ports/signing-key-store.js";
export type * from "./ports/storage.js";
export type * from "./ports/trusted-issuer-store.js";
export { isResourceIndicator } from "./resources/resource-indicator.js";
export { createKeyring, type Keyring, type KeyringKey, MIN_SECRET_LENGTH } from "./secrets/create-keyring.js";
export { KeyringError, type KeyringErrorCode } from "./secrets/keyring-error.js";
export { openSealedValue } from "./secrets/open-sealed-value.js";
export { parseSecretList, type SecretListResult, shortSecretMessage } from "./secrets/parse-secret-list.js";
export { sealValue } from "./secrets/seal-value.js";
export { isSealedValue, type SealedValue } from "./secrets/sealed-value.js";
export { ADMIN_KEY_PREFIX } from "./tokens/admin-key-value.js";
export { CLIENT_SECRET_PREFIX } from "./tokens/client-secret-value.js";
export { ACCESS_TOKEN_TYPE, type AccessTokenClaims } from "./tokens/issue-access-token.js";
export { REFRESH_TOKEN_PREFIX } from "./tokens/refresh-token-value.js";
export { applyTrustPlan, type ReadSecret, TrustApplyError } from "./trust-document/apply-trust-plan.js";
export { engineTrustTarget } from "./trust-document/engine-trust-target.js";
export { exportTrustDocument } from "./trust-document/export-trust-document.js";
export { formatTrustPlan, trustPlanToJson } from "./trust-document/format-trust-plan.js";
export { MAX_DOCUMENT_ENTRIES, parseTrustDocument } from "./trust-document/parse-trust-document.js";
export { type PlanTrustOptions, planTrust } from "./trust-document/plan-trust.js";
export { readTrustState } from "./trust-document/read-trust-state.js";
export * from "./trust-document/trust-document.js";
export { TRUST_DOCUMENT_SCHEMA } from "./trust-document/trust-document-schema.js";
export type * from "./trust-document/trust-plan.js";
export { trustStateFromWire } from "./trust-document/trust-state-from-wire.js";
export type * from "./trust-document/trust-target.js";
export { checkTrustGuardrails } from "./trust-policy/check-trust-guardrails.js";
export {
  type CompiledCondition,
  type CompiledTrustPolicy,
  type CompiledTrustRule,
  compileTrustPolicy,
} from "./trust-policy/compile-trust-policy.js";
export {
  type ConditionExplanation,
  explainTrustPolicy,
  type RuleExplanation,
  type TrustPolicyExplanation,
} from "./trust-policy/explain-trust-policy.js";
export { matchTrustPolicy, type TrustPolicyMatch } from "./trust-policy/match-trust-policy.js";
export { type MultiTenantIssuer, multiTenantIssuer } from "./trust-policy/multi-tenant-issuer.js";
export { noRuleMatched } from "./trust-policy/no-rule-matched.js";
export { parseTrustRules } from "./trust-policy/parse-trust-rules.js";
export type { TrustPolicyFailure, TrustPolicyProblem } from "./trust-policy/trust-policy-failure.js";
export { TRUST_POLICY_LIMITS } from "./trust-policy/trust-policy-limits.js";
export {
  type TrustConditionWire,
  type TrustRuleWire,
  trustRulesToWire,
} from "./trust-policy/trust-rules-to-wire.js";
export { constantTimeEqual } from "./util/constant-time-equal.js";
export { createSecretMatcher } from "./util/create-secret-matcher.js";
export {
  BodyTooLargeError,
  type ReadLimitedBodyOptions,
  readLimitedBody,
  readLimitedText,
} from "./util/read-limited-body.js";
export { redactUrlUserinfo } from "./util/redact-url-userinfo.js";
export { sha256 } from "./util/sha256.js";
export {
  type ClientWireBody,
  clientCreateInputFromWire,
  clientInputFromWire,
} from "./wire/client-from-wire.js";
export { clientToWire } from "./wire/client-to-wire.js";
export { type IssuerWireBody, issuerInputFromWire, issuerPatchFromWire } from "./wire/issuer-from-wire.js";
export { issuerToWire } from "./wire/issuer-to-wire.js";
