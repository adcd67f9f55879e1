import type { Client } from "../domain/client.js";
import type { EngineContext } from "../engine/context.js";
import { invalidClient } from "../errors/oauth-error.js";
import { constantTimeEqual } from "../util/constant-time-equal.js";
import { isStorableText } from "../util/storable-text.js";
import {
  type ClientCredentials,
  type PresentedClientAuthentication,
  resolveClientCredentials,
} from "./client-credentials.js";
import { claimedClientId, verifyClientAssertion } from "./verify-client-assertion.js";

/**
 * Authenticates the client of a token, revocation or introspection request. The method used must be the
 * one the client is registered with; every failure is `invalid_client` without saying which part failed.
 */
export async function authenticateClient(
  ctx: EngineContext,
  presented: PresentedClientAuthentication,
): Promise<Client> {
  const credentials = resolveClientCredentials(presented);
  const clientId = credentialsClientId(ctx, credentials);
  // No client has an id that is not text; such an id must not reach a storage query.
  const client = isStorableText(clientId) ? await ctx.storage.clients.findById(clientId) : null;
  if (client === null) throw invalidClient({ reason: "client_unknown", detail: `client_id ${clientId}` });
  if (client.authMethod !== credentials.method) {
    throw invalidClient({
      reason: "client_auth_method_mismatch",
      detail: `registered ${client.authMethod}, used ${credentials.method}`,
    });
  }
  switch (credentials.method) {
    case "client_secret_basic":
    case "client_secret_post": {
      const presentedHash = await ctx.crypto.sha256(credentials.clientSecret);
      if (client.secretHash === null || !constantTimeEqual(presentedHash, client.secretHash)) {
        throw invalidClient({ reason: "client_secret_invalid", detail: `client_id ${clientId}` });
      }
      return client;
    }
    case "private_key_jwt":
      await verifyClientAssertion(ctx, client, credentials.clientAssertion);
      return client;
    case "none":
      return client;
  }
}

function credentialsClientId(ctx: EngineContext, credentials: ClientCredentials): string {
  if (credentials.method !== "private_key_jwt") return credentials.clientId;
  const claimed = claimedClientId(credentials.clientAssertion, ctx.settings.maxAssertionBytes);
  if (credentials.clientId !== undefined && credentials.clientId !== claimed) {
    throw invalidClient({ reason: "client_id_mismatch" });
  }
  return claimed;
}
