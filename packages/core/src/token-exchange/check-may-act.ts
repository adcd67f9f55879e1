import { invalidRequest } from "../errors/oauth-error.js";
import type { JsonObject } from "../jws/parse-compact-jws.js";
import type { ExchangedToken } from "./exchanged-token.js";

const refused = (detail: string) =>
  invalidRequest("the subject token's may_act claim does not allow this actor", {
    reason: "may_act_mismatch",
    detail,
  });

/**
 * RFC 8693 §4.4: a subject token naming who may act for it (`may_act`) allows that actor only: its `sub`
 * must be the actor's, and its `iss`, when given, the actor's issuer. A `may_act` this server cannot read
 * allows no actor at all. Without `may_act`, any actor the client presents may act.
 */
export function checkMayAct(subject: JsonObject, actor: ExchangedToken): void {
  const mayAct = subject.may_act;
  if (mayAct === undefined) return;
  if (mayAct === null || typeof mayAct !== "object" || Array.isArray(mayAct)) {
    throw refused("may_act is not an object");
  }
  const { sub, iss } = mayAct as JsonObject;
  if (typeof sub !== "string" || sub !== actor.subject) {
    throw refused(`may_act.sub ${JSON.stringify(sub)}, actor sub ${JSON.stringify(actor.subject)}`);
  }
  if (iss !== undefined && iss !== actor.issuer) {
    throw refused(`may_act.iss ${JSON.stringify(iss)}, actor iss ${JSON.stringify(actor.issuer)}`);
  }
}
