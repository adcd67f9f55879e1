import { checkSubjectRule } from "../assertion/check-subject-rule.js";
import { isTrustStanding } from "../assertion/find-trusted-issuer.js";
import { type Client, REFRESH_TOKEN_GRANT } from "../domain/client.js";
import type { TokenResponse } from "../domain/token-response.js";
import type { EngineContext } from "../engine/context.js";
import { invalidGrant, invalidRequest } from "../errors/oauth-error.js";
import { grantScope } from "../scope/grant-scope.js";
import { parseScope } from "../scope/parse-scope.js";
import { mintRefreshToken } from "../tokens/refresh-token-record.js";
import { auditGrant, type GrantParties, UNKNOWN_PARTIES } from "./audit-grant.js";
import { requireGrantType } from "./require-grant-type.js";
import { tokenResponse } from "./token-response.js";

export interface RefreshRequest {
  /** The authenticated client. */
  readonly client: Client;
  readonly refreshToken: string | undefined;
  readonly scope: string | undefined;
}

const rejected = (reason: string) =>
  invalidGrant("the refresh token is invalid, expired or revoked", { reason });

/**
 * The refresh_token grant (RFC 6749 §6) with rotation: the presented token is spent and a successor of the
 * same family issued. A spent token presented again revokes the whole family (RFC 9700 §4.14.2). The
 * issuer's trust and subject rule are checked again, as is the client's current scope.
 */
export function refreshTokens(ctx: EngineContext, request: RefreshRequest): Promise<TokenResponse> {
  let parties = UNKNOWN_PARTIES;
  return auditGrant(
    ctx,
    REFRESH_TOKEN_GRANT,
    request.client.clientId,
    async () => {
      const response = await rotate(ctx, request, (known) => {
        parties = known;
      });
      return { response, parties };
    },
    () => parties,
  );
}

async function rotate(
  ctx: EngineContext,
  request: RefreshRequest,
  identify: (parties: GrantParties) => void,
): Promise<TokenResponse> {
  const { client } = request;
  requireGrantType(client, REFRESH_TOKEN_GRANT);
  if (request.refreshToken === undefined || request.refreshToken.length === 0) {
    throw invalidRequest("the refresh_token parameter is required", { reason: "refresh_token_missing" });
  }
  const requested = parseScope(request.scope);
  const tokenHash = await ctx.crypto.sha256(request.refreshToken);
  const { refreshTokens: store, trustedIssuers } = ctx.storage;
  const record = await store.findByHash(tokenHash);
  const now = ctx.clock.now();
  if (record === null || record.clientId !== client.clientId) throw rejected("refresh_token_unknown");
  identify({ issuer: record.issuer, subject: record.subject, jti: null });
  if (record.state === "rotated") {
    await store.revokeFamily(record.familyId);
    throw rejected("refresh_token_reused");
  }
  if (record.state === "revoked") throw rejected("refresh_token_revoked");
  if (now >= record.expiresAt) throw rejected("refresh_token_expired");

  const issuer = await trustedIssuers.findByIssuer(record.issuer);
  if (issuer === null || !isTrustStanding(issuer, now)) {
    throw invalidGrant("the issuer of the original assertion is no longer trusted", {
      reason: "issuer_not_trusted",
    });
  }
  checkSubjectRule(issuer, record.subject);
  const scope = grantScope(requested, [record.scope, client.scope, issuer.scope]);

  const successor = await mintRefreshToken(ctx, {
    client,
    subject: record.subject,
    issuer: record.issuer,
    scope: record.scope,
    familyId: record.familyId,
  });
  if (!(await store.rotate(tokenHash, successor.record, now))) {
    await store.revokeFamily(record.familyId);
    throw rejected("refresh_token_reused");
  }
  return tokenResponse(
    ctx,
    { client, subject: record.subject, assertionIssuer: record.issuer, scope },
    successor.token,
  );
}
