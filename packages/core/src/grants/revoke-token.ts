import type { Client } from "../domain/client.js";
import type { EngineContext } from "../engine/context.js";
import { invalidRequest } from "../errors/oauth-error.js";
import { REFRESH_TOKEN_PREFIX } from "../tokens/refresh-token-value.js";
import { verifyAccessToken } from "../tokens/verify-access-token.js";

export interface RevocationRequest {
  /** The authenticated client. */
  readonly client: Client;
  readonly token: string | undefined;
}

/**
 * Token revocation (RFC 7009). A refresh token revokes its whole family; an access token is remembered as
 * revoked until its `exp`. Only the client a token was issued to can revoke it; an unknown, invalid or
 * foreign token changes nothing and is answered like a success, so revocation is no token oracle.
 */
export async function revokeToken(ctx: EngineContext, request: RevocationRequest): Promise<void> {
  const { token, client } = request;
  if (token === undefined || token.length === 0) {
    throw invalidRequest("the token parameter is required", { reason: "token_missing" });
  }
  if (token.startsWith(REFRESH_TOKEN_PREFIX)) {
    const record = await ctx.storage.refreshTokens.findByHash(await ctx.crypto.sha256(token));
    if (record !== null && record.clientId === client.clientId) {
      await ctx.storage.refreshTokens.revokeFamily(record.familyId);
    }
    return;
  }
  const claims = await verifyAccessToken(ctx, token);
  if (claims !== null && claims.client_id === client.clientId) {
    await ctx.storage.revocations.revoke(claims.jti, new Date(claims.exp * 1000));
  }
}
