import type { Client } from "../domain/client.js";
import { invalidTarget } from "../errors/oauth-error.js";
import { grantResources } from "../resources/grant-resources.js";

/**
 * The access token's audience for a token exchange: its `resource` parameters (RFC 8707, each an absolute
 * URI) and its `audience` parameters (RFC 8693 §2.1, logical names), every one among the client's
 * `resources`. Values are compared exactly and never echoed.
 */
export function exchangeTargets(
  client: Client,
  resource: readonly string[],
  audience: readonly string[],
): readonly string[] {
  const resources = grantResources(client, resource, null);
  audience.forEach((value, index) => {
    if (!client.resources.includes(value)) {
      throw invalidTarget(`audience parameter ${index + 1} is not a target this client may request`, {
        reason: "resource_not_allowed",
        detail: `audience ${JSON.stringify(value)} for client ${client.clientId}`,
      });
    }
  });
  return [...new Set([...resources, ...audience])];
}
