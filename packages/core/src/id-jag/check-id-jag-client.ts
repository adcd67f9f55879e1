import type { Client } from "../domain/client.js";
import { invalidGrant } from "../errors/oauth-error.js";
import type { JsonObject } from "../jws/parse-compact-jws.js";

/**
 * An ID-JAG is issued to one client: its `client_id` claim must name the client that authenticated, and that
 * client must be confidential, since a public client's presentation proves nothing about who presents it.
 */
export function checkIdJagClient(claims: JsonObject, client: Client): void {
  if (client.authMethod === "none") {
    throw invalidGrant("an ID-JAG is redeemed only by a confidential client", {
      reason: "id_jag_client_not_confidential",
      detail: `client_id ${client.clientId} authenticates with none`,
    });
  }
  if (claims.client_id !== client.clientId) {
    throw invalidGrant("the ID-JAG's client_id claim must name the authenticated client", {
      reason: "id_jag_client_id_mismatch",
      detail: `client_id claim ${JSON.stringify(claims.client_id)}, client ${client.clientId}`,
    });
  }
}
