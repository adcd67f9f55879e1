import type { Client } from "../domain/client.js";
import type { TokenResponse } from "../domain/token-response.js";
import type { EngineContext } from "../engine/context.js";
import { formatScope } from "../scope/parse-scope.js";
import { issueAccessToken } from "../tokens/issue-access-token.js";
import { accessTokenTtl } from "./access-token-ttl.js";

export interface GrantDecision {
  readonly client: Client;
  /** The access token's `sub`. */
  readonly subject: string;
  readonly assertionIssuer: string;
  readonly scope: readonly string[];
  /** Claims a trust rule mapped from the assertion into the access token. */
  readonly claims: Readonly<Record<string, unknown>>;
  /** A trust rule's cap on the access token's lifetime, in seconds; `null`: none. */
  readonly accessTokenTtlCap: number | null;
}

/** Signs the access token of a decided grant and assembles the RFC 6749 §5.1 response. */
export async function buildTokenResponse(
  ctx: EngineContext,
  decision: GrantDecision,
  refreshToken: string | undefined,
): Promise<TokenResponse> {
  const ttlSeconds = accessTokenTtl(ctx.settings, decision.client, decision.accessTokenTtlCap);
  const accessToken = await issueAccessToken(ctx, {
    subject: decision.subject,
    clientId: decision.client.clientId,
    scope: decision.scope,
    assertionIssuer: decision.assertionIssuer,
    claims: decision.claims,
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
