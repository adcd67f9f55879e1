import type { Client, GrantType } from "../domain/client.js";
import { unauthorizedClient } from "../errors/oauth-error.js";

export function requireGrantType(client: Client, grantType: GrantType): void {
  if (!client.grantTypes.includes(grantType)) {
    throw unauthorizedClient(`the client is not allowed the ${grantType} grant`, {
      reason: "grant_not_allowed",
    });
  }
}
