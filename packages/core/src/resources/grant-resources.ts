import type { Client } from "../domain/client.js";
import { invalidTarget } from "../errors/oauth-error.js";
import { isResourceIndicator } from "./resource-indicator.js";

/** What a grant may carry as resources beyond the client's own list; `null`: nothing more than that. */
export interface ResourceCeiling {
  readonly resources: readonly string[];
  /** Says, in a refusal, what the ceiling is: "the ID-JAG's resource claim", "the original grant". */
  readonly source: string;
}

/**
 * The resources (RFC 8707) a grant carries: each requested one an absolute URI without a fragment, allowed
 * for the client and within the ceiling; none requested, the ceiling's own (or none). Values are never echoed:
 * the refusal says which parameter, by position, and the log's detail names it.
 */
export function grantResources(
  client: Client,
  requested: readonly string[],
  ceiling: ResourceCeiling | null,
): readonly string[] {
  requested.forEach((resource, index) => {
    const which = `resource parameter ${index + 1}`;
    // The client's own resources were checked when it was saved: only another value is read, to tell a
    // malformed one from one the client may not have.
    if (!client.resources.includes(resource)) {
      if (!isResourceIndicator(resource)) {
        throw invalidTarget(`${which} is not an absolute URI without a fragment`, {
          reason: "resource_invalid",
        });
      }
      throw invalidTarget(`${which} is not a resource this client may request`, {
        reason: "resource_not_allowed",
        detail: `resource ${JSON.stringify(resource)} for client ${client.clientId}`,
      });
    }
    if (ceiling !== null && !ceiling.resources.includes(resource)) {
      throw invalidTarget(`${which} is not within ${ceiling.source}`, {
        reason: "resource_not_granted",
        detail: `resource ${JSON.stringify(resource)}`,
      });
    }
  });
  return requested.length > 0 ? [...new Set(requested)] : (ceiling?.resources ?? []);
}
