import { assertionScopeLimits } from "../assertion/assertion-scope-limits.js";
import { checkTrustedAssertion } from "../assertion/check-trusted-assertion.js";
import type { ReadAssertion } from "../assertion/read-assertion.js";
import type { Client } from "../domain/client.js";
import type { EngineContext } from "../engine/context.js";
import { invalidRequest } from "../errors/oauth-error.js";
import { isIdJag } from "../id-jag/id-jag-profile.js";
import { isSingleUse } from "../id-jag/is-single-use.js";
import type { ExchangedToken } from "./exchanged-token.js";

/**
 * A JWT or ID Token presented for exchange, decoded once by the caller, checked as the jwt-bearer grant checks an assertion: trusted
 * issuer, keys, claims (its `aud` this server, its token endpoint or one of the issuer's audiences), the
 * client's issuers, the subject rule and the trust rules. An ID-JAG is refused: it is redeemed at the
 * jwt-bearer grant, under its own rules, and nowhere else.
 */
export async function readAssertionToken(
  ctx: EngineContext,
  client: Client,
  read: ReadAssertion,
): Promise<ExchangedToken> {
  if (!read.ok) throw read.refusal;
  if (isIdJag(read.jws.header)) {
    throw invalidRequest("an ID-JAG is redeemed with the jwt-bearer grant, not exchanged", {
      reason: "id_jag_not_exchangeable",
    });
  }
  const trusted = await checkTrustedAssertion(ctx, client, read.jws);
  const { assertion } = trusted;
  const { issuer } = assertion;
  return {
    issuer: issuer.issuer,
    subject: assertion.subject,
    tokenSubject: trusted.subject,
    assertionIssuer: issuer.issuer,
    claims: trusted.claims,
    rule: trusted.rule,
    scopeLimits: assertionScopeLimits(client, trusted),
    ttlCap: null,
    spends:
      assertion.jti !== null && isSingleUse(issuer, null)
        ? {
            issuer: issuer.issuer,
            jti: assertion.jti,
            until: new Date((assertion.exp + ctx.settings.clockSkewSeconds) * 1000),
          }
        : null,
    payload: assertion.claims,
  };
}
