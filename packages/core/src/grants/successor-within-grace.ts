import type { StoredRefreshToken } from "../domain/refresh-token.js";
import type { EngineContext } from "../engine/context.js";
import { unsealSuccessor } from "../tokens/sealed-successor.js";

/**
 * The reuse grace: when `presented`, a rotated refresh token, comes back within
 * `refreshTokenReuseGraceSeconds` of its rotation, the client is taken to be retrying a refresh whose response
 * it lost, and gets the successor it was already issued, provided that successor is still unused, unrevoked
 * and unexpired. Resolves that successor, or `null` when the reuse is to be treated as a replay. Nothing is
 * written: a retry never creates a second live successor.
 */
export async function successorWithinGrace(
  ctx: EngineContext,
  presented: string,
  spent: StoredRefreshToken,
  now: Date,
): Promise<string | null> {
  const graceMs = ctx.settings.refreshTokenReuseGraceSeconds * 1000;
  const { rotation } = spent;
  if (graceMs === 0 || spent.state !== "rotated" || rotation === null || rotation.sealedSuccessor === null) {
    return null;
  }
  if (now.getTime() - rotation.rotatedAt.getTime() > graceMs) return null;
  const successor = await ctx.storage.refreshTokens.findByHash(rotation.successorHash);
  if (successor === null || successor.state !== "active" || now >= successor.expiresAt) return null;
  const token = await unsealSuccessor(presented, rotation.sealedSuccessor);
  // Only the token whose state was just checked may be handed out.
  if (token === null || (await ctx.crypto.sha256(token)) !== rotation.successorHash) return null;
  return token;
}
