import { assertionClaimsPolicy } from "../claims/assertion-claims-policy.js";
import { validateJwtClaims } from "../claims/validate-jwt-claims.js";
import type { Client } from "../domain/client.js";
import type { EngineContext } from "../engine/context.js";
import { invalidClient, OAuthError } from "../errors/oauth-error.js";
import { clientAssertionRefusal } from "../errors/refusal-reason.js";
import { checkJwsHeader } from "../jws/check-jws-header.js";
import { type ParsedJws, parseCompactJws } from "../jws/parse-compact-jws.js";
import { verifyJwsSignature } from "../jws/verify-jws-signature.js";

/** Client assertions share the replay guard with grant assertions under their own issuer namespace. */
const CLIENT_ASSERTION_REPLAY_PREFIX = "urn:jwtgrant:client-assertion:";

/** A client assertion decoded, not verified, with the client it claims to come from (its `iss`). */
export interface ClaimedClientAssertion {
  readonly clientId: string;
  readonly jws: ParsedJws;
}

/** Decodes a client assertion and reads which client it claims to come from. */
export function readClientAssertion(clientAssertion: string, maxBytes: number): ClaimedClientAssertion {
  try {
    const jws = parseCompactJws(clientAssertion, maxBytes);
    const { iss } = jws.claims;
    if (typeof iss === "string" && iss.length > 0) return { clientId: iss, jws };
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
  }
  throw invalidClient({ reason: "client_assertion_malformed" });
}

/**
 * private_key_jwt (RFC 7523 §2.2, §3): signed by one of the client's registered keys, `iss` = `sub` =
 * client_id, `aud` naming this server, `exp` and `jti` required, and single use. Every failure is
 * `invalid_client`, with the precise reason kept private.
 */
export async function verifyClientAssertion(ctx: EngineContext, client: Client, jws: ParsedJws) {
  if (client.keySource === null) throw invalidClient({ reason: "client_keys_missing" });
  const { settings } = ctx;
  try {
    const header = checkJwsHeader(jws.header, null);
    await verifyJwsSignature(ctx, jws.parts, header, client.keySource, null);
    const claims = validateJwtClaims(jws.claims, assertionClaimsPolicy(settings, true), ctx.clock.now());
    if (jws.claims.iss !== client.clientId || claims.subject !== client.clientId) {
      throw invalidClient({ reason: "client_assertion_iss_sub_mismatch" });
    }
    const replayUntil = new Date((claims.exp + settings.clockSkewSeconds) * 1000);
    if (
      !(await ctx.storage.replayGuard.claim(
        `${CLIENT_ASSERTION_REPLAY_PREFIX}${client.clientId}`,
        claims.jti,
        replayUntil,
      ))
    ) {
      throw invalidClient({ reason: "client_assertion_replayed" });
    }
  } catch (error) {
    if (error instanceof OAuthError && error.code === "invalid_grant") {
      throw invalidClient({ reason: clientAssertionRefusal(error.reason), cause: error });
    }
    throw error;
  }
}
