import type { GrantType } from "../domain/client.js";
import type { GrantParties } from "../domain/grant-parties.js";
import type { EngineContext } from "../engine/context.js";
import { OAuthError } from "../errors/oauth-error.js";

/**
 * Runs a grant and records its decision in the audit log: the parties of a success, or the reason code
 * of an OAuth refusal with whatever `partiesOnRefusal` can tell.
 */
export async function auditGrant<R>(
  ctx: EngineContext,
  grantType: GrantType,
  clientId: string,
  run: () => Promise<{ readonly response: R; readonly parties: GrantParties }>,
  partiesOnRefusal: () => GrantParties,
): Promise<R> {
  try {
    const { response, parties } = await run();
    ctx.storage.auditLog.record({
      at: ctx.clock.now(),
      grantType,
      clientId,
      ...parties,
      outcome: "granted",
      reason: null,
    });
    return response;
  } catch (error) {
    if (error instanceof OAuthError) {
      ctx.storage.auditLog.record({
        at: ctx.clock.now(),
        grantType,
        clientId,
        ...partiesOnRefusal(),
        outcome: "refused",
        reason: error.reason,
      });
    }
    throw error;
  }
}
