import type { ActorClaim } from "../domain/actor-claim.js";
import { invalidRequest } from "../errors/oauth-error.js";
import type { JsonObject } from "../jws/parse-compact-jws.js";
import type { ExchangedToken } from "./exchanged-token.js";

/** The longest delegation chain an issued token records: each exchange with an actor adds one link. */
export const MAX_DELEGATION_DEPTH = 8;

const invalid = () =>
  invalidRequest("the subject token's act claim must name each actor by a sub", {
    reason: "act_claim_invalid",
  });

/** A prior `act` as written, kept to its `sub`, its `iss` and the actor before it: no other member is carried. */
function priorActor(act: unknown, depth: number): ActorClaim {
  if (depth >= MAX_DELEGATION_DEPTH) {
    throw invalidRequest(`a delegation chain may record at most ${MAX_DELEGATION_DEPTH} actors`, {
      reason: "delegation_too_deep",
    });
  }
  if (act === null || typeof act !== "object" || Array.isArray(act)) throw invalid();
  const { sub, iss, act: before } = act as JsonObject;
  if (typeof sub !== "string" || (iss !== undefined && typeof iss !== "string")) throw invalid();
  return {
    sub,
    ...(iss === undefined ? {} : { iss }),
    ...(before === undefined ? {} : { act: priorActor(before, depth + 1) }),
  };
}

/**
 * The `act` claim of a token issued for a subject (RFC 8693 §4.1): the actor, with the subject token's own
 * `act`, when it has one, nested inside as the prior link of the chain. Without an actor, the subject token's
 * chain is carried as it is: an exchange never turns a delegated token into one that names no actor.
 */
export function nestActor(actor: ExchangedToken | null, subject: JsonObject): ActorClaim | null {
  const prior = subject.act === undefined ? null : priorActor(subject.act, actor === null ? 0 : 1);
  if (actor === null) return prior;
  return { sub: actor.subject, iss: actor.issuer, ...(prior === null ? {} : { act: prior }) };
}
