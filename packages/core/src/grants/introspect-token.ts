import type { ActorClaim } from "../domain/actor-claim.js";
import type { Client } from "../domain/client.js";
import type { EngineContext } from "../engine/context.js";
import { invalidClient, invalidRequest } from "../errors/oauth-error.js";
import { formatScope } from "../scope/parse-scope.js";
import { REFRESH_TOKEN_PREFIX } from "../tokens/refresh-token-value.js";
import { verifyAccessToken } from "../tokens/verify-access-token.js";

export interface IntrospectionRequest {
  /** The authenticated caller. */
  readonly client: Client;
  readonly token: string | undefined;
}

/**
 * RFC 7662 §2.2 in camelCase; inactive tokens reveal nothing. `tokenType` is the RFC 6749 §5.1 type the token
 * is used with: `Bearer` for an access token. A refresh token has none (it is only ever sent back to the token
 * endpoint), so it answers without `tokenType`.
 */
export type Introspection =
  | { readonly active: false }
  | {
      readonly active: true;
      readonly tokenType?: "Bearer";
      readonly clientId: string;
      readonly sub: string;
      readonly scope?: string;
      readonly iss: string;
      readonly aud?: string | readonly string[];
      readonly exp: number;
      readonly iat: number;
      readonly jti?: string;
      /** The issuer of the assertion the grant rests on. */
      readonly assertionIssuer: string;
      /** Who acts for the subject, for a token issued by a token exchange with an actor (RFC 8693 §4.1). */
      readonly act?: ActorClaim;
    };

const INACTIVE: Introspection = { active: false };

/**
 * Token introspection (RFC 7662). Only confidential clients may ask (§4: a public client's credentials prove
 * nothing, so anyone could probe tokens through it); any of them may introspect an access token (resource
 * servers do), a refresh token only the client it was issued to, since a refresh token is that client's secret.
 */
export async function introspectToken(
  ctx: EngineContext,
  request: IntrospectionRequest,
): Promise<Introspection> {
  const { token, client } = request;
  if (client.authMethod === "none") {
    throw invalidClient({
      reason: "client_not_confidential",
      detail: `client_id ${client.clientId} is public and may not introspect`,
    });
  }
  if (token === undefined || token.length === 0) {
    throw invalidRequest("the token parameter is required", { reason: "token_missing" });
  }
  const now = ctx.clock.now();
  if (token.startsWith(REFRESH_TOKEN_PREFIX)) {
    const record = await ctx.storage.refreshTokens.findByHash(await ctx.crypto.sha256(token));
    if (record === null || record.clientId !== client.clientId) return INACTIVE;
    if (record.state !== "active" || now >= record.expiresAt) return INACTIVE;
    return {
      active: true,
      clientId: record.clientId,
      sub: record.subject,
      ...(record.scope.length > 0 ? { scope: formatScope(record.scope) } : {}),
      iss: ctx.settings.issuer,
      exp: Math.floor(record.expiresAt.getTime() / 1000),
      iat: Math.floor(record.issuedAt.getTime() / 1000),
      assertionIssuer: record.issuer,
    };
  }
  const claims = await verifyAccessToken(ctx, token);
  if (claims === null || (await ctx.storage.revocations.isRevoked(claims.jti))) return INACTIVE;
  return {
    active: true,
    tokenType: "Bearer",
    clientId: claims.client_id,
    sub: claims.sub,
    ...(claims.scope === undefined ? {} : { scope: claims.scope }),
    iss: claims.iss,
    aud: claims.aud,
    exp: claims.exp,
    iat: claims.iat,
    jti: claims.jti,
    assertionIssuer: claims.assertion_iss,
    ...(claims.act === undefined ? {} : { act: claims.act }),
  };
}
