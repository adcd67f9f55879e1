import { MAX_CLIENT_RESOURCES } from "../admin/resources-field.js";
import type { Client } from "../domain/client.js";
import { invalidGrant } from "../errors/oauth-error.js";
import type { JsonObject } from "../jws/parse-compact-jws.js";
import { isResourceIndicator } from "../resources/resource-indicator.js";

const malformed = () =>
  invalidGrant(
    "the ID-JAG's resource claim must be an absolute URI without a fragment, or an array of them",
    {
      reason: "id_jag_resource_invalid",
    },
  );

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
  if (values === null || values.length === 0 || values.length > MAX_CLIENT_RESOURCES) throw malformed();
  const resources: string[] = [];
  for (const value of values) {
    if (typeof value !== "string") throw malformed();
    // A value among the client's resources was checked when the client was saved; only another one is read
    // here, to tell a malformed claim from one the client may not have.
    if (client === null || !client.resources.includes(value)) {
      if (!isResourceIndicator(value)) throw malformed();
      if (client !== null) {
        throw invalidGrant("the ID-JAG's resource claim names a resource this client may not request", {
          reason: "id_jag_resource_not_allowed",
          detail: `resource ${JSON.stringify(value)} for client ${client.clientId}`,
        });
      }
    }
    if (!resources.includes(value)) resources.push(value);
  }
  return resources;
}
