import { assertionReplayed } from "../assertion/assertion-replayed.js";
import { type ReadAssertion, readAssertion } from "../assertion/read-assertion.js";
import { TOKEN_EXCHANGE_GRANT } from "../domain/client.js";
import { UNKNOWN_PARTIES } from "../domain/grant-parties.js";
import type { TokenResponse } from "../domain/token-response.js";
import type { EngineContext } from "../engine/context.js";
import { invalidRequest } from "../errors/oauth-error.js";
import { assertionParties } from "../grants/assertion-parties.js";
import { type AuditedGrant, auditGrant } from "../grants/audit-grant.js";
import { buildTokenResponse } from "../grants/build-token-response.js";
import { requireGrantType } from "../grants/require-grant-type.js";
import { grantScope } from "../scope/grant-scope.js";
import { parseScope } from "../scope/parse-scope.js";
import { checkMayAct } from "./check-may-act.js";
import { exchangeTargets } from "./exchange-targets.js";
import type { ExchangedToken } from "./exchanged-token.js";
import { nestActor } from "./nest-actor.js";
import { type PresentedToken, presentedToken } from "./presented-token.js";
import { asRequestError, readExchangedToken } from "./read-exchanged-token.js";
import type { TokenExchangeRequest } from "./token-exchange-request.js";
import type { ExchangeableTokenType } from "./token-types.js";
import { ACCESS_TOKEN_TYPE_URI, EXCHANGEABLE_TOKEN_TYPES, isExchangeableTokenType } from "./token-types.js";

/**
 * Token exchange (RFC 8693) for an access token: the subject token is a JWT or ID Token from a trusted issuer,
 * checked as the jwt-bearer grant checks an assertion and spent once, or an access token this server issued
 * to the same client. An actor token makes the issued token name its actor in `act`, after any prior actor.
 * No refresh token is issued. Every check passes before the subject token is spent.
 */
export function exchangeSubjectToken(
  ctx: EngineContext,
  request: TokenExchangeRequest,
): Promise<TokenResponse> {
  const audit = { grantType: TOKEN_EXCHANGE_GRANT, clientId: request.client.clientId } as const;
  const unverified =
    request.subjectTokenType === ACCESS_TOKEN_TYPE_URI
      ? null
      : readAssertion(request.subjectToken, ctx.settings.maxAssertionBytes);
  const before = unverified === null ? UNKNOWN_PARTIES : assertionParties(unverified);
  return auditGrant(ctx, audit, before, () => grant(ctx, request, unverified));
}

/** The type of a subject or actor token, required with the token and one this server reads. */
function tokenType(role: "subject_token" | "actor_token", type: string | undefined): ExchangeableTokenType {
  if (type === undefined) {
    throw invalidRequest(`the ${role}_type parameter is required with the ${role}`, {
      reason: role === "subject_token" ? "subject_token_type_missing" : "actor_token_type_missing",
    });
  }
  if (!isExchangeableTokenType(type)) {
    throw invalidRequest(
      `the ${role}_type is not supported; this server reads ${EXCHANGEABLE_TOKEN_TYPES.join(", ")}`,
      {
        reason: "token_type_unsupported",
      },
    );
  }
  return type;
}

/** `unverified`: the subject token, read once for the audit when it is no access token of ours. */
async function grant(
  ctx: EngineContext,
  request: TokenExchangeRequest,
  unverified: ReadAssertion | null,
): Promise<AuditedGrant<TokenResponse>> {
  const { client } = request;
  requireGrantType(client, TOKEN_EXCHANGE_GRANT);
  const requested = parseScope(request.scope);
  if (request.subjectToken === undefined) {
    throw invalidRequest("the subject_token parameter is required", { reason: "subject_token_missing" });
  }
  const subjectType = tokenType("subject_token", request.subjectTokenType);
  if (request.actorToken === undefined && request.actorTokenType !== undefined) {
    throw invalidRequest("the actor_token_type parameter is sent only with an actor_token", {
      reason: "actor_token_type_without_token",
    });
  }
  const actorType =
    request.actorToken === undefined ? null : tokenType("actor_token", request.actorTokenType);
  if (request.requestedTokenType !== undefined && request.requestedTokenType !== ACCESS_TOKEN_TYPE_URI) {
    throw invalidRequest(
      `the requested_token_type is not supported; this server issues ${ACCESS_TOKEN_TYPE_URI}`,
      {
        reason: "requested_token_type_unsupported",
      },
    );
  }

  const presented: PresentedToken =
    subjectType === ACCESS_TOKEN_TYPE_URI || unverified === null
      ? { kind: "access_token", token: request.subjectToken }
      : { kind: "assertion", read: unverified };
  const subject = await readExchangedToken(ctx, client, "subject_token", presented);
  const actor =
    request.actorToken === undefined || actorType === null
      ? null
      : await readExchangedToken(
          ctx,
          client,
          "actor_token",
          presentedToken(request.actorToken, actorType, ctx.settings.maxAssertionBytes),
        );
  if (actor !== null) checkMayAct(subject.payload, actor);
  const act = nestActor(actor, subject.payload);
  const scope = grantScope(requested, subject.scopeLimits);
  const resources = exchangeTargets(client, request.resource, request.audience);
  await spend(ctx, subject);

  const decision = {
    client,
    subject: subject.tokenSubject,
    assertionIssuer: subject.assertionIssuer,
    scope,
    claims: subject.claims,
    accessTokenTtlCap: lowest(subject.rule?.accessTokenTtl ?? null, subject.ttlCap),
    resources,
    actor: act,
  };
  return {
    response: await buildTokenResponse(ctx, decision, undefined, ACCESS_TOKEN_TYPE_URI),
    parties: {
      issuer: subject.issuer,
      subject: subject.subject,
      jti: subject.spends?.jti ?? null,
      actor: actor === null ? null : { issuer: actor.issuer, subject: actor.subject },
    },
    rule: subject.rule?.name ?? null,
  };
}

/** Spends a single-use subject token's (`iss`, `jti`): a JWT buys one exchange, across instances. */
async function spend(ctx: EngineContext, subject: ExchangedToken): Promise<void> {
  const { spends } = subject;
  if (spends === null) return;
  if (!(await ctx.storage.replayGuard.claim(spends.issuer, spends.jti, spends.until))) {
    throw asRequestError(assertionReplayed(spends.issuer, spends.jti), "subject_token");
  }
}

const lowest = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.min(a, b);
