import { checkClientIssuer } from "../assertion/check-client-issuer.js";
import { checkSubjectRule } from "../assertion/check-subject-rule.js";
import { findRefreshRule } from "../assertion/find-refresh-rule.js";
import { isTrustStanding } from "../assertion/find-trusted-issuer.js";
import { type Client, REFRESH_TOKEN_GRANT } from "../domain/client.js";
import { UNKNOWN_PARTIES } from "../domain/grant-parties.js";
import type { StoredRefreshToken } from "../domain/refresh-token.js";
import type { TokenResponse } from "../domain/token-response.js";
import type { EngineContext } from "../engine/context.js";
import { invalidGrant, invalidRequest, invalidTarget } from "../errors/oauth-error.js";
import type { RefusalReason } from "../errors/refusal-reason.js";
import { grantResources } from "../resources/grant-resources.js";
import { grantScope } from "../scope/grant-scope.js";
import { parseScope } from "../scope/parse-scope.js";
import { mintRefreshToken } from "../tokens/mint-refresh-token.js";
import { sealSuccessor } from "../tokens/sealed-successor.js";
import { auditGrant, auditRefusals } from "./audit-grant.js";
import { buildTokenResponse } from "./build-token-response.js";
import { requireGrantType } from "./require-grant-type.js";
import { successorWithinGrace } from "./successor-within-grace.js";

export interface RefreshRequest {
  /** The authenticated client. */
  readonly client: Client;
  readonly refreshToken: string | undefined;
  readonly scope: string | undefined;
  /** The `resource` parameters (RFC 8707): a subset of the family's; absent or empty: all of them. */
  readonly resource?: readonly string[];
}

const rejected = (reason: RefusalReason) =>
  invalidGrant("the refresh token is invalid, expired or revoked", { reason });

/** The presented refresh token's record, found for the client that presented it. */
interface PresentedRefreshToken {
  readonly presented: string;
  readonly tokenHash: string;
  readonly record: StoredRefreshToken;
  readonly requested: readonly string[];
}

/**
 * The refresh_token grant (RFC 6749 §6) with rotation: the presented token is spent and a successor of the
 * same family issued. A spent token presented again revokes the whole family (RFC 9700 §4.14.2), unless it
 * comes back within the reuse grace while its successor is unused: then it is a retry of a refresh whose
 * response was lost, and gets that same successor with a new access token. The issuer's trust, the client's
 * issuers, the subject rule and the trust rule that granted the family are checked again, and the scope is
 * limited by the client's, the issuer's and the rule's current scope. The resources may narrow to a subset of
 * the family's, never widen; the successor stays bound to the original grant's.
 */
export async function exchangeRefreshToken(
  ctx: EngineContext,
  request: RefreshRequest,
): Promise<TokenResponse> {
  const audit = { grantType: REFRESH_TOKEN_GRANT, clientId: request.client.clientId } as const;
  const found = await auditRefusals(ctx, audit, UNKNOWN_PARTIES, () => findPresented(ctx, request));
  const parties = { issuer: found.record.issuer, subject: found.record.subject, jti: null, actor: null };
  return auditGrant(ctx, audit, parties, async () => ({
    response: await rotate(ctx, request, found),
    parties,
    rule: found.record.rule,
  }));
}

async function findPresented(ctx: EngineContext, request: RefreshRequest): Promise<PresentedRefreshToken> {
  const { client, refreshToken: presented } = request;
  requireGrantType(client, REFRESH_TOKEN_GRANT);
  if (presented === undefined || presented.length === 0) {
    throw invalidRequest("the refresh_token parameter is required", { reason: "refresh_token_missing" });
  }
  const requested = parseScope(request.scope);
  const tokenHash = await ctx.crypto.sha256(presented);
  const record = await ctx.storage.refreshTokens.findByHash(tokenHash);
  if (record === null || record.clientId !== client.clientId) throw rejected("refresh_token_unknown");
  return { presented, tokenHash, record, requested };
}

async function rotate(
  ctx: EngineContext,
  request: RefreshRequest,
  { presented, tokenHash, record, requested }: PresentedRefreshToken,
): Promise<TokenResponse> {
  const { client } = request;
  const { refreshTokens: store, trustedIssuers } = ctx.storage;
  const now = ctx.clock.now();
  const repeated = record.state === "rotated" ? await retriedOrRevoke(ctx, presented, record, now) : null;
  if (record.state === "revoked") throw rejected("refresh_token_revoked");
  // A retry answers the successor, whose own expiry was checked; the spent token's no longer matters.
  if (repeated === null && now >= record.expiresAt) throw rejected("refresh_token_expired");

  const issuer = await trustedIssuers.findByIssuer(record.issuer);
  if (issuer === null || !isTrustStanding(issuer, now)) {
    throw invalidGrant("the issuer of the original assertion is no longer trusted", {
      reason: "issuer_not_trusted",
    });
  }
  checkClientIssuer(client, issuer.issuer);
  checkSubjectRule(issuer, record.subject);
  const rule = findRefreshRule(issuer, record);
  const scope = grantScope(requested, [record.scope, client.scope, issuer.scope, rule?.scope ?? null]);
  const resources = refreshResources(client, request.resource ?? [], record.resources);
  const decision = {
    client,
    subject: record.tokenSubject,
    assertionIssuer: record.issuer,
    scope,
    claims: record.claims,
    accessTokenTtlCap: rule?.accessTokenTtl ?? null,
    resources,
    actor: null,
  };
  if (repeated !== null) return buildTokenResponse(ctx, decision, repeated);

  const successor = await mintRefreshToken(ctx, {
    client,
    subject: record.subject,
    issuer: record.issuer,
    rule: record.rule,
    tokenSubject: record.tokenSubject,
    claims: record.claims,
    scope: record.scope,
    resources: record.resources,
    familyId: record.familyId,
  });
  // Without a reuse grace no retry may ever read the successor back, so none is kept.
  const sealed =
    ctx.settings.refreshTokenReuseGraceSeconds > 0 ? await sealSuccessor(presented, successor.token) : null;
  if (await store.rotate(tokenHash, successor.record, now, sealed)) {
    return buildTokenResponse(ctx, decision, successor.token);
  }
  // A concurrent request rotated the token first; when that was this client's own retry racing its original
  // request, both get the winner's successor (the store shows it once the rotation is lost).
  const winner = sealed === null ? null : await store.findByHash(tokenHash);
  return buildTokenResponse(ctx, decision, await retriedOrRevoke(ctx, presented, winner ?? record, now));
}

/**
 * The resources of a refresh: those asked for, within the family's; none asked for, the family's, each still
 * one the client may request, since its registration may have lost some since the grant.
 */
function refreshResources(client: Client, requested: readonly string[], granted: readonly string[]) {
  const lost = requested.length > 0 ? undefined : granted.find((value) => !client.resources.includes(value));
  if (lost !== undefined) {
    throw invalidTarget(
      "a resource of the original grant is no longer one this client may request; ask for the others with resource",
      {
        reason: "resource_not_allowed",
        detail: `resource ${JSON.stringify(lost)} for client ${client.clientId}`,
      },
    );
  }
  return grantResources(client, requested, {
    resources: granted,
    source: "the resources of the original grant",
  });
}

/** The successor again for a retry within the reuse grace; otherwise a replay, which revokes the family. */
async function retriedOrRevoke(
  ctx: EngineContext,
  presented: string,
  spent: StoredRefreshToken,
  now: Date,
): Promise<string> {
  const successor = await successorWithinGrace(ctx, presented, spent, now);
  if (successor !== null) return successor;
  await ctx.storage.refreshTokens.revokeFamily(spent.familyId);
  throw rejected("refresh_token_reused");
}
