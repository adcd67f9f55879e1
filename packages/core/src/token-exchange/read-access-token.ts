import type { Client } from "../domain/client.js";
import type { EngineContext } from "../engine/context.js";
import { invalidRequest } from "../errors/oauth-error.js";
import { parseScope } from "../scope/parse-scope.js";
import { verifyAccessToken } from "../tokens/verify-access-token.js";
import { isReservedClaim } from "../trust-policy/reserved-claims.js";
import type { ExchangedToken } from "./exchanged-token.js";

/**
 * An access token of this server presented for exchange: signed by a published key, unexpired, not revoked,
 * and issued to the client presenting it. A token issued on it carries its subject, its mapped claims and at
 * most its scope, and lives no longer than it: an exchange may narrow a grant or aim it elsewhere, but never
 * extend it.
 */
export async function readAccessToken(
  ctx: EngineContext,
  client: Client,
  token: string,
): Promise<ExchangedToken> {
  const claims = await verifyAccessToken(ctx, token);
  if (claims === null || (await ctx.storage.revocations.isRevoked(claims.jti))) {
    throw invalidRequest("the token is not an active access token of this server", {
      reason: "access_token_invalid",
    });
  }
  if (claims.client_id !== client.clientId) {
    throw invalidRequest("the access token was issued to another client", {
      reason: "access_token_other_client",
      detail: `issued to ${claims.client_id}, presented by ${client.clientId}`,
    });
  }
  const nowSeconds = Math.floor(ctx.clock.now().getTime() / 1000);
  return {
    issuer: claims.iss,
    subject: claims.sub,
    tokenSubject: claims.sub,
    assertionIssuer: claims.assertion_iss,
    claims: Object.fromEntries(Object.entries(claims).filter(([name]) => !isReservedClaim(name))),
    rule: null,
    scopeLimits: [client.scope, parseScope(claims.scope)],
    ttlCap: Math.max(claims.exp - nowSeconds, 1),
    spends: null,
    payload: claims,
  };
}
