import { applyTrustRules } from "../assertion/apply-trust-rules.js";
import { checkClientIssuer } from "../assertion/check-client-issuer.js";
import { checkSubjectRule } from "../assertion/check-subject-rule.js";
import { type ReadAssertion, readAssertion } from "../assertion/read-assertion.js";
import { type ValidatedAssertion, validateAssertion } from "../assertion/validate-assertion.js";
import { assertionScopeCeiling } from "../claims/assertion-scope-ceiling.js";
import { type Client, JWT_BEARER_GRANT } from "../domain/client.js";
import type { TrustRule } from "../domain/trust-rule.js";
import type { EngineContext } from "../engine/context.js";
import { grantScope } from "../scope/grant-scope.js";
import { parseScope } from "../scope/parse-scope.js";
import type { JwtBearerRequest } from "./jwt-bearer-request.js";
import { requireGrantType } from "./require-grant-type.js";

export interface CheckedJwtBearer {
  readonly assertion: ValidatedAssertion;
  /** The trust rule that matched; `null` when the issuer has no rules. */
  readonly rule: TrustRule | null;
  /** The access token's `sub`: the rule's subject template, or the assertion's `sub`. */
  readonly subject: string;
  /** The claims the rule maps into the access token. */
  readonly claims: Readonly<Record<string, unknown>>;
  /** The scope the grant would carry. */
  readonly scope: readonly string[];
}

/**
 * Every rule of the JWT Bearer grant but the replay guard, cheapest first: the client's grant type, the
 * assertion (shape, trusted issuer, header, signature, claims), the client's issuers, the issuer's subject
 * rule, its trust rules, and the scope: what was requested, within the client's, the issuer's, the rule's
 * and the assertion's own `scope` claim. Writes nothing, so it also serves as a dry run that leaves the `jti` unspent.
 */
export function checkJwtBearer(ctx: EngineContext, request: JwtBearerRequest): Promise<CheckedJwtBearer> {
  const read = readAssertion(request.assertion, ctx.settings.maxAssertionBytes);
  return checkReadJwtBearer(ctx, request.client, request.scope, read);
}

/**
 * `checkJwtBearer` for an assertion the caller has already read. Without a client (`null`, for explain
 * only) the client's own checks are skipped: its grant types, its issuers and its scope.
 */
export async function checkReadJwtBearer(
  ctx: EngineContext,
  client: Client | null,
  scope: string | undefined,
  read: ReadAssertion,
): Promise<CheckedJwtBearer> {
  if (client !== null) requireGrantType(client, JWT_BEARER_GRANT);
  const requested = parseScope(scope);
  if (!read.ok) throw read.refusal;
  const assertion = await validateAssertion(ctx, read.jws);
  const { issuer } = assertion;
  if (client !== null) checkClientIssuer(client, issuer.issuer);
  checkSubjectRule(issuer, assertion.subject);
  const trust = applyTrustRules(issuer, assertion.claims, assertion.subject);
  const limits = [
    client?.scope ?? null,
    issuer.scope,
    trust.rule?.scope ?? null,
    assertionScopeCeiling(assertion.claims),
  ];
  return { assertion, ...trust, scope: grantScope(requested, limits) };
}
