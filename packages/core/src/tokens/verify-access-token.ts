import type { EngineContext } from "../engine/context.js";
import { OAuthError } from "../errors/oauth-error.js";
import { type JsonObject, type ParsedJws, parseCompactJws } from "../jws/parse-compact-jws.js";
import type { AccessTokenClaims } from "./issue-access-token.js";
import { ACCESS_TOKEN_TYPE } from "./issue-access-token.js";
import { publishedSigningKeys } from "./signing-keys.js";

const MAX_ACCESS_TOKEN_BYTES = 16384;

function parseOrNull(token: string): ParsedJws | null {
  try {
    return parseCompactJws(token, MAX_ACCESS_TOKEN_BYTES);
  } catch (error) {
    if (error instanceof OAuthError) return null;
    throw error;
  }
}

function isAccessTokenClaims(claims: JsonObject): claims is JsonObject & AccessTokenClaims {
  return (
    typeof claims.sub === "string" &&
    typeof claims.client_id === "string" &&
    typeof claims.jti === "string" &&
    typeof claims.iat === "number" &&
    typeof claims.exp === "number" &&
    typeof claims.assertion_iss === "string" &&
    (claims.scope === undefined || typeof claims.scope === "string")
  );
}

/**
 * The claims of an access token this server signed with a published key and that has not expired;
 * `null` for anything else. Revocation is the caller's concern.
 */
export async function verifyAccessToken(
  ctx: EngineContext,
  token: string,
): Promise<(JsonObject & AccessTokenClaims) | null> {
  const jws = parseOrNull(token);
  if (jws === null || jws.header.typ !== ACCESS_TOKEN_TYPE) return null;
  const key = (await publishedSigningKeys(ctx)).find((candidate) => candidate.kid === jws.header.kid);
  if (key === undefined || jws.header.alg !== key.alg) return null;
  if (!(await ctx.crypto.verify(jws.parts, key.alg, key.publicJwk))) return null;
  const { claims } = jws;
  if (claims.iss !== ctx.settings.issuer || !isAccessTokenClaims(claims)) return null;
  return ctx.clock.now().getTime() < claims.exp * 1000 ? claims : null;
}
