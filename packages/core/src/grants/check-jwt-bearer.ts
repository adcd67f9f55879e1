import { checkSubjectRule } from "../assertion/check-subject-rule.js";
import { type ReadAssertion, readAssertion } from "../assertion/read-assertion.js";
import { type ValidatedAssertion, validateAssertion } from "../assertion/validate-assertion.js";
import { JWT_BEARER_GRANT } from "../domain/client.js";
import type { EngineContext } from "../engine/context.js";
import { grantScope } from "../scope/grant-scope.js";
import { parseScope } from "../scope/parse-scope.js";
import type { JwtBearerRequest } from "./jwt-bearer-request.js";
import { requireGrantType } from "./require-grant-type.js";

export interface CheckedJwtBearer {
  readonly assertion: ValidatedAssertion;
  /** The scope the grant would carry. */
  readonly scope: readonly string[];
}

/**
 * Every rule of the JWT Bearer grant but the replay guard, cheapest first: the client's grant type, the
 * assertion (shape, trusted issuer, header, signature, claims), the issuer's subject rule and scope. Writes
 * nothing, so it also serves as a dry run that leaves the `jti` unspent.
 */
export function checkJwtBearer(ctx: EngineContext, request: JwtBearerRequest): Promise<CheckedJwtBearer> {
  return checkReadJwtBearer(ctx, request, readAssertion(request.assertion, ctx.settings.maxAssertionBytes));
}

/** `checkJwtBearer` for an assertion the caller has already read. */
export async function checkReadJwtBearer(
  ctx: EngineContext,
  request: JwtBearerRequest,
  read: ReadAssertion,
): Promise<CheckedJwtBearer> {
  const { client } = request;
  requireGrantType(client, JWT_BEARER_GRANT);
  const requested = parseScope(request.scope);
  if (!read.ok) throw read.refusal;
  const assertion = await validateAssertion(ctx, read.jws);
  checkSubjectRule(assertion.issuer, assertion.subject);
  return { assertion, scope: grantScope(requested, [client.scope, assertion.issuer.scope]) };
}
