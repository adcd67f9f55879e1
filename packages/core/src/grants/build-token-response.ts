import type { Client } from "../domain/client.js";
import type { TokenResponse } from "../domain/token-response.js";
import type { EngineContext } from "../engine/context.js";
import { formatScope } from "../scope/parse-scope.js";
import { issueAccessToken } from "../tokens/issue-access-token.js";

export interface GrantDecision {
  readonly client: Client;
  readonly subject: string;
  readonly assertionIssuer: string;
  readonly scope: readonly string[];
}

/** Signs the access token of a decided grant and assembles the RFC 6749 §5.1 response. */
export async function buildTokenResponse(
  ctx: EngineContext,
  decision: GrantDecision,
  refreshToken: string | undefined,
): Promise<TokenResponse> {
  const ttlSeconds = decision.client.accessTokenTtl ?? ctx.settings.accessTokenTtlSeconds;
  const accessToken = await issueAccessToken(ctx, {
    subject: decision.subject,
    clientId: decision.client.clientId,
    scope: decision.scope,
    assertionIssuer: decision.assertionIssuer,
    ttlSeconds,
  });
  return {
    accessToken,
    tokenType: "Bearer",
    expiresIn: ttlSeconds,
    ...(refreshToken === undefined ? {} : { refreshToken }),
    ...(decision.scope.length > 0 ? { scope: formatScope(decision.scope) } : {}),
  };
}
