import type { Client, ClientAuthMethod } from "../domain/client.js";
import type { EngineContext } from "../engine/context.js";
import { invalidClient, OAuthError } from "../errors/oauth-error.js";
import { constantTimeEqual } from "../util/constant-time-equal.js";
import { isStorableText } from "../util/storable-text.js";
import { type PresentedClientAuthentication, resolveClientCredentials } from "./client-credentials.js";
import { readClientAssertion, verifyClientAssertion } from "./verify-client-assertion.js";

/**
 * Authenticates the client of a token, revocation or introspection request. The method used must be the
 * one the client is registered with; every failure is `invalid_client` without saying which part failed.
 */
export async function authenticateClient(
  ctx: EngineContext,
  presented: PresentedClientAuthentication,
): Promise<Client> {
  const credentials = resolveClientCredentials(presented);
  switch (credentials.method) {
    case "client_secret_basic":
    case "client_secret_post": {
      const client = await knownClient(ctx, credentials.clientId);
      const presentedHash = await ctx.crypto.sha256(credentials.clientSecret);
      const secretMatches = client.secretHash !== null && constantTimeEqual(presentedHash, client.secretHash);
      if (client.authMethod !== credentials.method) {
        // Only a caller that knows the secret is told how the client authenticates: nothing it did not know.
        if (secretMatches) {
          throw new OAuthError(
            "invalid_client",
            `this client authenticates with ${METHOD_NAMES[client.authMethod]}`,
            {
              reason: "client_auth_method_mismatch",
              detail: `registered ${client.authMethod}, used ${credentials.method}`,
            },
          );
        }
        throw methodMismatch(client, credentials.method);
      }
      if (!secretMatches) {
        throw invalidClient({ reason: "client_secret_invalid", detail: `client_id ${client.clientId}` });
      }
      return client;
    }
    case "private_key_jwt": {
      // Decoded once: its `iss` names the client, and the same decoded assertion is then verified.
      const claimed = readClientAssertion(credentials.clientAssertion, ctx.settings.maxAssertionBytes);
      if (credentials.clientId !== undefined && credentials.clientId !== claimed.clientId) {
        throw invalidClient({ reason: "client_id_mismatch" });
      }
      const client = await registeredClient(ctx, claimed.clientId, credentials.method);
      await verifyClientAssertion(ctx, client, claimed.jws);
      return client;
    }
    case "none":
      return registeredClient(ctx, credentials.clientId, credentials.method);
  }
}

/** How each method is named to a caller told which one its client uses. */
const METHOD_NAMES: Record<ClientAuthMethod, string> = {
  client_secret_basic: "HTTP Basic (client_secret_basic)",
  client_secret_post: "client_id and client_secret in the form body (client_secret_post)",
  private_key_jwt: "a signed client assertion (private_key_jwt)",
  none: "no credentials (none)",
};

const methodMismatch = (client: Client, method: ClientAuthMethod) =>
  invalidClient({
    reason: "client_auth_method_mismatch",
    detail: `client_id ${client.clientId}, registered ${client.authMethod}, used ${method}`,
  });

/** The client registered under `clientId`. */
async function knownClient(ctx: EngineContext, clientId: string): Promise<Client> {
  // No client has an id that is not text; such an id must not reach a storage query.
  const client = isStorableText(clientId) ? await ctx.storage.clients.findById(clientId) : null;
  if (client === null) throw invalidClient({ reason: "client_unknown", detail: `client_id ${clientId}` });
  return client;
}

/** The client registered under `clientId`, which must authenticate with `method`. */
async function registeredClient(
  ctx: EngineContext,
  clientId: string,
  method: ClientAuthMethod,
): Promise<Client> {
  const client = await knownClient(ctx, clientId);
  if (client.authMethod !== method) throw methodMismatch(client, method);
  return client;
}
