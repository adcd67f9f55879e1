import type { Client } from "../domain/client.js";
import type { TrustRule } from "../domain/trust-rule.js";
import type { EngineContext } from "../engine/context.js";
import type { ParsedJws } from "../jws/parse-compact-jws.js";
import { applyTrustRules } from "./apply-trust-rules.js";
import { checkClientIssuer } from "./check-client-issuer.js";
import { checkSubjectRule } from "./check-subject-rule.js";
import { type ValidatedAssertion, validateAssertion } from "./validate-assertion.js";

/** An assertion its issuer signed, that the issuer's policy and the client's issuers accept. */
export interface TrustedAssertion {
  readonly assertion: ValidatedAssertion;
  /** The trust rule that matched; `null` when the issuer has no rules. */
  readonly rule: TrustRule | null;
  /** The access token's `sub`: the rule's subject template, or the assertion's `sub`. */
  readonly subject: string;
  /** The claims the rule maps into the access token. */
  readonly claims: Readonly<Record<string, unknown>>;
}

/**
 * Every check of an assertion that any grant resting on one makes: the assertion itself (trusted issuer,
 * header, signature, claims), the client's issuers, the issuer's subject rule and its trust rules. Without a
 * client (explain), the client's issuers are not checked. Writes nothing: the `jti` is the grant's to claim.
 */
export async function checkTrustedAssertion(
  ctx: EngineContext,
  client: Client | null,
  jws: ParsedJws,
): Promise<TrustedAssertion> {
  const assertion = await validateAssertion(ctx, jws);
  const { issuer } = assertion;
  if (client !== null) checkClientIssuer(client, issuer.issuer);
  checkSubjectRule(issuer, assertion.subject);
  return { assertion, ...applyTrustRules(issuer, assertion.claims, assertion.subject) };
}
