import type { Client } from "../domain/client.js";
import { invalidGrant } from "../errors/oauth-error.js";

/** A client restricted to some issuers presents assertions from those only. */
export function checkClientIssuer(client: Client, issuer: string): void {
  if (client.trustedIssuers !== null && !client.trustedIssuers.includes(issuer)) {
    throw invalidGrant("the client may not present assertions from this issuer", {
      reason: "issuer_not_allowed_for_client",
      detail: `client_id ${client.clientId}, iss ${issuer}`,
    });
  }
}
