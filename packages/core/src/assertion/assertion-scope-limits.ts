import { assertionScopeCeiling } from "../claims/assertion-scope-ceiling.js";
import type { Client } from "../domain/client.js";
import type { TrustedAssertion } from "./check-trusted-assertion.js";

/**
 * The ceilings on a grant resting on an assertion: the client's scope, the issuer's, the matched rule's, and
 * the assertion's own `scope` claim. `null` is no ceiling; without a client (explain), the client's scope limits nothing.
 */
export function assertionScopeLimits(
  client: Client | null,
  { assertion, rule }: TrustedAssertion,
): readonly (readonly string[] | null)[] {
  return [
    client?.scope ?? null,
    assertion.issuer.scope,
    rule?.scope ?? null,
    assertionScopeCeiling(assertion.claims),
  ];
}
