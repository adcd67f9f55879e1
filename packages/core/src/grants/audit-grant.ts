import type { GrantType } from "../domain/client.js";
import type { GrantParties } from "../domain/grant-parties.js";
import type { EngineContext } from "../engine/context.js";
import { OAuthError } from "../errors/oauth-error.js";

/** Which grant, for which client, an audit record is about. */
export interface GrantAudit {
  readonly grantType: GrantType;
  readonly clientId: string;
}

/**
 * Runs a step of a grant that decides nothing on success: an OAuth refusal is recorded with the parties
 * known before the step, and rethrown.
 */
export async function auditRefusals<R>(
  ctx: EngineContext,
  audit: GrantAudit,
  parties: GrantParties,
  step: () => Promise<R>,
): Promise<R> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof OAuthError) {
      ctx.storage.auditLog.record({
        at: ctx.clock.now(),
        ...audit,
        ...parties,
        outcome: "refused",
        reason: error.reason,
      });
    }
    throw error;
  }
}

/**
 * Runs the step of a grant that issues tokens, and records its decision: a refusal about the parties known
 * before the step, a grant about the verified parties the step reports.
 */
export async function auditGrant<R>(
  ctx: EngineContext,
  audit: GrantAudit,
  partiesBefore: GrantParties,
  step: () => Promise<{ readonly response: R; readonly parties: GrantParties }>,
): Promise<R> {
  const { response, parties } = await auditRefusals(ctx, audit, partiesBefore, step);
  ctx.storage.auditLog.record({
    at: ctx.clock.now(),
    ...audit,
    ...parties,
    outcome: "granted",
    reason: null,
  });
  return response;
}
