import type { ValidatedAssertion } from "../assertion/validate-assertion.js";
import type { Client } from "../domain/client.js";
import { invalidGrant } from "../errors/oauth-error.js";
import { checkIdJagAudience } from "./check-id-jag-audience.js";
import { checkIdJagClient } from "./check-id-jag-client.js";
import { checkIdJagConfirmation } from "./check-id-jag-confirmation.js";
import { readIdJagResources } from "./read-id-jag-resources.js";

/** What an ID-JAG adds to its grant, past the checks every assertion passes. */
export interface CheckedIdJag {
  /** The ID-JAG's `resource` claim: the ceiling of the resources granted; `null`: it has none. */
  readonly resources: readonly string[] | null;
}

/**
 * The ID-JAG profile's rules on an assertion that passed every other check: the exact audience, no key
 * binding, a `jti` (an ID-JAG is single use, whatever its issuer's `assertion_reuse`), the client it was
 * issued to, and its resources. Without a client (explain), the client's own checks are skipped.
 */
export function checkIdJag(
  assertion: ValidatedAssertion,
  issuerIdentifier: string,
  client: Client | null,
): CheckedIdJag {
  const { claims } = assertion;
  checkIdJagAudience(claims, issuerIdentifier);
  checkIdJagConfirmation(claims);
  if (assertion.jti === null) {
    throw invalidGrant("an ID-JAG must carry a jti: it is redeemed once", { reason: "id_jag_jti_missing" });
  }
  if (client !== null) checkIdJagClient(claims, client);
  return { resources: readIdJagResources(claims, client) };
}
