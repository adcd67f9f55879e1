import type { AdminActor } from "../domain/admin-actor.js";
import type { AdminAction } from "../domain/admin-audit-record.js";
import type { JsonObjectValue } from "../domain/json-value.js";
import type { EngineContext } from "../engine/context.js";

/**
 * Records a change that has just been made. Awaited, so that no admin call reports success for a change the
 * log does not hold; the stores share no transaction, so a storage failure between the change and this
 * write fails the call (`temporarily_unavailable`) with the change made.
 */
export async function recordAdminChange(
  ctx: EngineContext,
  actor: AdminActor,
  action: AdminAction,
  targetId: string,
  before: JsonObjectValue | null,
  after: JsonObjectValue | null,
): Promise<void> {
  await ctx.storage.adminAudit.record({ at: ctx.clock.now(), actor, action, targetId, before, after });
}
