import { MAX_CLIENT_RESOURCES } from "../admin/resources-field.js";
import type { Client } from "../domain/client.js";
import { invalidGrant } from "../errors/oauth-error.js";
import type { JsonObject } from "../jws/parse-compact-jws.js";
import { isResourceIndicator } from "../resources/resource-indicator.js";

/**
 * An ID-JAG's `resource` claim (a string or an array of URIs): the resources its grant may reach; `null`
 * when it has none. A value that is no absolute URI, or that the client may not request, makes the whole
 * grant unusable (`invalid_grant`): the IdP authorized something this server will not serve this client.
 * Without a client (explain), only the values' form is checked.
 */
export function readIdJagResources(claims: JsonObject, client: Client | null): readonly string[] | null {
  const { resource } = claims;
  if (resource === undefined) return null;
  const values = typeof resource === "string" ? [resource] : Array.isArray(resource) ? resource : null;
  if (
    values === null ||
    values.length === 0 ||
    values.length > MAX_CLIENT_RESOURCES ||
    !values.every((value) => typeof value === "string" && isResourceIndicator(value))
  ) {
    throw invalidGrant(
      "the ID-JAG's resource claim must be an absolute URI without a fragment, or an array of them",
      { reason: "id_jag_resource_invalid" },
    );
  }
  const resources = [...new Set(values as string[])];
  const refused = client === null ? undefined : resources.find((value) => !client.resources.includes(value));
  if (refused !== undefined) {
    throw invalidGrant("the ID-JAG's resource claim names a resource this client may not request", {
      reason: "id_jag_resource_not_allowed",
      detail: `resource ${JSON.stringify(refused)} for client ${client?.clientId}`,
    });
  }
  return resources;
}
