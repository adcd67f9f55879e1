import type { ActorClaim } from "../domain/actor-claim.js";
import type { Client } from "../domain/client.js";
import type { TokenResponse } from "../domain/token-response.js";
import type { EngineContext } from "../engine/context.js";
import { resourcesValue } from "../resources/resource-audience.js";
import { formatScope } from "../scope/parse-scope.js";
import type { ACCESS_TOKEN_TYPE_URI } from "../token-exchange/token-types.js";
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
  /** The resources granted (RFC 8707); empty: the default audience. */
  readonly resources: readonly string[];
  /** Who acts for the subject (RFC 8693 §4.1); `null`: nobody. */
  readonly actor: ActorClaim | null;
}

/** Signs the access token of a decided grant and assembles the RFC 6749 §5.1 response. */
export async function buildTokenResponse(
  ctx: EngineContext,
  decision: GrantDecision,
  refreshToken: string | undefined,
  issuedTokenType?: typeof ACCESS_TOKEN_TYPE_URI,
): Promise<TokenResponse> {
  const ttlSeconds = accessTokenTtl(ctx.settings, decision.client, decision.accessTokenTtlCap);
  const accessToken = await issueAccessToken(ctx, {
    subject: decision.subject,
    clientId: decision.client.clientId,
    scope: decision.scope,
    assertionIssuer: decision.assertionIssuer,
    claims: decision.claims,
    resources: decision.resources,
    actor: decision.actor,
    ttlSeconds,
  });
  const { resources } = decision;
  return {
    accessToken,
    ...(issuedTokenType === undefined ? {} : { issuedTokenType }),
    tokenType: "Bearer",
    expiresIn: ttlSeconds,
    ...(refreshToken === undefined ? {} : { refreshToken }),
    ...(decision.scope.length > 0 ? { scope: formatScope(decision.scope) } : {}),
    ...(resources.length === 0 ? {} : { resource: resourcesValue(resources) }),
  };
}
