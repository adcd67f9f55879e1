import { getClient } from "../admin/clients.js";
import { trustPolicyOf } from "../assertion/apply-trust-rules.js";
import { assertionReplayed } from "../assertion/assertion-replayed.js";
import { type ReadAssertion, readAssertion } from "../assertion/read-assertion.js";
import type { Client } from "../domain/client.js";
import type { TrustedIssuer } from "../domain/trusted-issuer.js";
import type { EngineContext } from "../engine/context.js";
import { OAuthError, type OAuthErrorCode } from "../errors/oauth-error.js";
import type { RefusalReason } from "../errors/refusal-reason.js";
import { type AssertionProfile, isIdJag } from "../id-jag/id-jag-profile.js";
import { isSingleUse } from "../id-jag/is-single-use.js";
import { resourceAudience } from "../resources/resource-audience.js";
import { formatScope } from "../scope/parse-scope.js";
import { explainTrustPolicy, type RuleExplanation } from "../trust-policy/explain-trust-policy.js";
import { isStorableText } from "../util/storable-text.js";
import { accessTokenTtl } from "./access-token-ttl.js";
import { type CheckedJwtBearer, checkReadJwtBearer } from "./check-jwt-bearer.js";
import { issuesRefreshToken } from "./exchange-jwt-bearer.js";

export interface ExplainRequest {
  readonly assertion: string | undefined;
  /** The client that would present the assertion; without one its checks are skipped, never passed. */
  readonly clientId: string | undefined;
  readonly scope: string | undefined;
  /** The `resource` parameters (RFC 8707) the client would send. */
  readonly resource?: readonly string[];
}

/** The access token a grant would issue. */
export interface ExplainedToken {
  readonly subject: string;
  readonly scope: string | null;
  readonly claims: Readonly<Record<string, unknown>>;
  readonly expiresIn: number;
  /** The access token's `aud`: the resources granted, or the server's default audience. */
  readonly audience: string | readonly string[];
  readonly refreshToken: boolean;
}

/** The token endpoint's verdict on an assertion, and why, reached without writing anything. */
export interface Explanation {
  readonly outcome: "would_grant" | "refused";
  readonly error: OAuthErrorCode | null;
  readonly reason: RefusalReason | null;
  /** The refusal's public description, as the token endpoint would send it. */
  readonly description: string | null;
  /** `id-jag` when the assertion declares itself an ID-JAG and gets that profile's rules; `null` otherwise. */
  readonly profile: AssertionProfile;
  /** The registered issuer the assertion names, when there is one. */
  readonly issuer: string | null;
  /** The trust rule that matched. */
  readonly rule: string | null;
  /** Whether the assertion's (`iss`, `jti`) was already exchanged; read, never recorded. */
  readonly jtiUsed: boolean;
  readonly client: "checked" | "skipped";
  /** Every rule of the issuer, each condition evaluated; `null` when the issuer is unknown or has none. */
  readonly rules: readonly RuleExplanation[] | null;
  readonly token: ExplainedToken | null;
}

/**
 * Explain: every check of the token endpoint's jwt-bearer grant on an assertion, writing nothing. The replay
 * guard is only read, so an assertion already exchanged is `refused` with `assertion_replayed`, as the
 * token endpoint would answer, with its rules still evaluated and shown. An unknown client is not found.
 */
export async function explainJwtBearer(ctx: EngineContext, request: ExplainRequest): Promise<Explanation> {
  const client = request.clientId === undefined ? null : await getClient(ctx, request.clientId);
  const read = readAssertion(request.assertion, ctx.settings.maxAssertionBytes);
  const issuer = await namedIssuer(ctx, read);
  const profile = read.ok && isIdJag(read.jws.header) ? "id-jag" : null;
  const jtiUsed = await isJtiUsed(ctx, read, issuer, profile);
  const rules =
    issuer?.rules == null || !read.ok
      ? null
      : explainTrustPolicy(trustPolicyOf(issuer.rules), read.jws.claims).rules;
  const common = {
    profile,
    issuer: issuer?.issuer ?? null,
    jtiUsed,
    client: client === null ? "skipped" : "checked",
    rules,
  } as const;
  try {
    const checked = await checkReadJwtBearer(ctx, client, request, read);
    if (jtiUsed && checked.assertion.jti !== null)
      throw assertionReplayed(checked.assertion.issuer.issuer, checked.assertion.jti);
    return {
      ...common,
      outcome: "would_grant",
      error: null,
      reason: null,
      description: null,
      rule: checked.rule?.name ?? null,
      token: wouldIssue(ctx, client, checked),
    };
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    return {
      ...common,
      outcome: "refused",
      error: error.code,
      reason: error.reason,
      description: error.description,
      rule: null,
      token: null,
    };
  }
}

/** The registered issuer an assertion's unverified `iss` names, whatever its standing. */
async function namedIssuer(ctx: EngineContext, read: ReadAssertion): Promise<TrustedIssuer | null> {
  if (!read.ok) return null;
  const { iss } = read.jws.claims;
  if (typeof iss !== "string" || iss.length === 0 || !isStorableText(iss)) return null;
  return ctx.storage.trustedIssuers.findByIssuer(iss);
}

/**
 * Whether the grant's replay guard would refuse the assertion: single use (by its issuer's setting, or as an
 * ID-JAG), and its pair recorded.
 */
async function isJtiUsed(
  ctx: EngineContext,
  read: ReadAssertion,
  issuer: TrustedIssuer | null,
  profile: AssertionProfile,
): Promise<boolean> {
  if (!read.ok || issuer === null) return false;
  if (!isSingleUse(issuer, profile)) return false;
  const { jti } = read.jws.claims;
  if (typeof jti !== "string" || jti.length === 0 || !isStorableText(jti)) return false;
  return ctx.storage.replayGuard.isClaimed(issuer.issuer, jti);
}

function wouldIssue(ctx: EngineContext, client: Client | null, checked: CheckedJwtBearer): ExplainedToken {
  return {
    subject: checked.subject,
    scope: checked.scope.length > 0 ? formatScope(checked.scope) : null,
    claims: checked.claims,
    expiresIn: accessTokenTtl(ctx.settings, client, checked.rule?.accessTokenTtl ?? null),
    audience: resourceAudience(checked.resources, ctx.settings.accessTokenAudience),
    refreshToken: issuesRefreshToken(client, checked),
  };
}
