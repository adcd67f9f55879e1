import type { GrantType } from "../domain/client.js";
import type { GrantParties } from "../domain/grant-parties.js";
import type { EngineContext } from "../engine/context.js";
import { OAuthError } from "../errors/oauth-error.js";

/** Bounds the record of why no rule matched: fifty long rule names must not make one audit row huge. */
const MAX_RULE_RECORD_LENGTH = 2048;

const refusedRules = (detail: string | undefined): string | null =>
  detail === undefined ? null : detail.slice(0, MAX_RULE_RECORD_LENGTH);

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
        rule: error.reason === "no_rule_matched" ? refusedRules(error.detail) : null,
        reason: error.reason,
      });
    }
    throw error;
  }
}

/** What a grant's deciding step reports: its response, the verified parties, and the rule that granted it. */
export interface AuditedGrant<R> {
  readonly response: R;
  readonly parties: GrantParties;
  readonly rule: string | null;
}

/**
 * Runs the step of a grant that issues tokens, and records its decision: a refusal about the parties known
 * before the step, a grant about the verified parties the step reports.
 */
export async function auditGrant<R>(
  ctx: EngineContext,
  audit: GrantAudit,
  partiesBefore: GrantParties,
  step: () => Promise<AuditedGrant<R>>,
): Promise<R> {
  const { response, parties, rule } = await auditRefusals(ctx, audit, partiesBefore, step);
  ctx.storage.auditLog.record({
    at: ctx.clock.now(),
    ...audit,
    ...parties,
    outcome: "granted",
    rule,
    reason: null,
  });
  return response;
}
