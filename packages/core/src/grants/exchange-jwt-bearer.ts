import { assertionReplayed } from "../assertion/assertion-replayed.js";
import { type ReadAssertion, readAssertion } from "../assertion/read-assertion.js";
import { type Client, JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT } from "../domain/client.js";
import type { TokenResponse } from "../domain/token-response.js";
import type { EngineContext } from "../engine/context.js";
import { isSingleUse } from "../id-jag/is-single-use.js";
import { mintRefreshToken } from "../tokens/mint-refresh-token.js";
import { assertionParties } from "./assertion-parties.js";
import { type AuditedGrant, auditGrant } from "./audit-grant.js";
import { buildTokenResponse } from "./build-token-response.js";
import { type CheckedJwtBearer, checkReadJwtBearer } from "./check-jwt-bearer.js";
import type { JwtBearerRequest } from "./jwt-bearer-request.js";

/**
 * The JWT Bearer grant (RFC 7523 §2.1). Every check passes before anything is written; then the
 * assertion's (`iss`, `jti`) is claimed atomically, so an assertion buys tokens once, across instances.
 */
export function exchangeJwtBearer(ctx: EngineContext, request: JwtBearerRequest): Promise<TokenResponse> {
  const { client } = request;
  const read = readAssertion(request.assertion, ctx.settings.maxAssertionBytes);
  const audit = { grantType: JWT_BEARER_GRANT, clientId: client.clientId } as const;
  return auditGrant(ctx, audit, assertionParties(read), () => grant(ctx, request, read));
}

async function grant(
  ctx: EngineContext,
  request: JwtBearerRequest,
  read: ReadAssertion,
): Promise<AuditedGrant<TokenResponse>> {
  const { client } = request;
  const checked = await checkReadJwtBearer(ctx, client, request, read);
  const { assertion, rule, scope, resources, profile } = checked;
  const { issuer } = assertion;
  // An issuer whose assertions are reused by design (`assertion_reuse: allowed`) records no `jti`; an ID-JAG
  // is single use whatever its issuer's setting.
  if (assertion.jti !== null && isSingleUse(issuer, profile)) {
    const replayUntil = new Date((assertion.exp + ctx.settings.clockSkewSeconds) * 1000);
    if (!(await ctx.storage.replayGuard.claim(issuer.issuer, assertion.jti, replayUntil))) {
      throw assertionReplayed(issuer.issuer, assertion.jti);
    }
  }

  const decision = {
    client,
    subject: checked.subject,
    assertionIssuer: issuer.issuer,
    scope,
    claims: checked.claims,
    accessTokenTtlCap: rule?.accessTokenTtl ?? null,
    resources,
    actor: null,
  };
  let refreshToken: string | undefined;
  if (issuesRefreshToken(client, checked)) {
    const minted = await mintRefreshToken(ctx, {
      client,
      subject: assertion.subject,
      issuer: issuer.issuer,
      rule: rule?.name ?? null,
      tokenSubject: checked.subject,
      claims: checked.claims,
      scope,
      resources,
      familyId: crypto.randomUUID(),
    });
    await ctx.storage.refreshTokens.insert(minted.record);
    refreshToken = minted.token;
  }
  return {
    response: await buildTokenResponse(ctx, decision, refreshToken),
    parties: { issuer: issuer.issuer, subject: assertion.subject, jti: assertion.jti, actor: null },
    rule: rule?.name ?? null,
  };
}

/**
 * A refresh token comes with a grant when the client may refresh and the rule allows it, and never for an
 * ID-JAG: its client redeems a new one instead (the draft's SHOULD NOT, which this server makes a rule).
 */
export function issuesRefreshToken(client: Client | null, checked: CheckedJwtBearer): boolean {
  return (
    checked.profile === null &&
    (checked.rule?.refreshTokens ?? true) &&
    (client === null || client.grantTypes.includes(REFRESH_TOKEN_GRANT))
  );
}
