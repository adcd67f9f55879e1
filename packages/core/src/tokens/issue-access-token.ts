import type { ActorClaim } from "../domain/actor-claim.js";
import type { EngineContext } from "../engine/context.js";
import { resourceAudience } from "../resources/resource-audience.js";
import { formatScope } from "../scope/parse-scope.js";
import { activeSigningKey } from "./signing-keys.js";

/** Access tokens are RFC 9068 JWTs. */
export const ACCESS_TOKEN_TYPE = "at+jwt";

export interface AccessTokenGrant {
  readonly subject: string;
  readonly clientId: string;
  readonly scope: readonly string[];
  /** The `iss` of the assertion the grant rests on, so resource servers can tell issuers' subjects apart. */
  readonly assertionIssuer: string;
  /** Claims a trust rule mapped into the token; never one of the names the server sets itself. */
  readonly claims: Readonly<Record<string, unknown>>;
  /** The resources granted (RFC 8707), the token's audience; empty: the server's default audience. */
  readonly resources: readonly string[];
  /** Who acts for the subject, after a token exchange with an actor (RFC 8693 §4.1); `null`: nobody. */
  readonly actor: ActorClaim | null;
  readonly ttlSeconds: number;
}

/** The claims of an access token this server issues. */
export interface AccessTokenClaims {
  readonly iss: string;
  readonly sub: string;
  readonly aud: string | readonly string[];
  readonly client_id: string;
  readonly scope?: string;
  readonly jti: string;
  readonly iat: number;
  readonly exp: number;
  readonly assertion_iss: string;
  readonly act?: ActorClaim;
}

/**
 * The serialized claims with a trust rule's mapped claims spliced in front. Serializing the server's claims
 * alone keeps them one fixed shape, which `JSON.stringify` handles far faster than an object spread from
 * arbitrary names. The mapped names never include one the server sets: a rule's compilation drops those.
 */
function withMappedClaims(serialized: string, mapped: Readonly<Record<string, unknown>>): string {
  const extra = JSON.stringify(mapped);
  return extra === "{}" ? serialized : `${extra.slice(0, -1)},${serialized.slice(1)}`;
}

export async function issueAccessToken(ctx: EngineContext, grant: AccessTokenGrant): Promise<string> {
  const key = await activeSigningKey(ctx);
  const iat = Math.floor(ctx.clock.now().getTime() / 1000);
  const claims: AccessTokenClaims = {
    iss: ctx.settings.issuer,
    sub: grant.subject,
    aud: resourceAudience(grant.resources, ctx.settings.accessTokenAudience),
    client_id: grant.clientId,
    ...(grant.scope.length > 0 ? { scope: formatScope(grant.scope) } : {}),
    jti: crypto.randomUUID(),
    iat,
    exp: iat + grant.ttlSeconds,
    assertion_iss: grant.assertionIssuer,
    ...(grant.actor === null ? {} : { act: grant.actor }),
  };
  return ctx.crypto.sign(
    { alg: key.alg, kid: key.kid, typ: ACCESS_TOKEN_TYPE },
    new TextEncoder().encode(withMappedClaims(JSON.stringify(claims), grant.claims)),
    key,
  );
}
