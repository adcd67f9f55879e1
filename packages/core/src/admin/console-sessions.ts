import type { EngineContext } from "../engine/context.js";

/**
 * Ended console sessions are kept in the revocation store, beside revoked access tokens, under this prefix:
 * an access token's `jti` is a UUID, so the two can never name the same entry.
 */
const CONSOLE_SESSION_REVOCATION_PREFIX = "urn:jwtgrant:console-session:";

/** Ends a console session on every instance sharing the storage; remembered until the session would expire. */
export async function endConsoleSession(
  ctx: EngineContext,
  sessionId: string,
  expiresAt: Date,
): Promise<void> {
  await ctx.storage.revocations.revoke(`${CONSOLE_SESSION_REVOCATION_PREFIX}${sessionId}`, expiresAt);
}

export async function isConsoleSessionEnded(ctx: EngineContext, sessionId: string): Promise<boolean> {
  return ctx.storage.revocations.isRevoked(`${CONSOLE_SESSION_REVOCATION_PREFIX}${sessionId}`);
}
