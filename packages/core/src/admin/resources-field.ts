import { isResourceIndicator, MAX_RESOURCE_LENGTH } from "../resources/resource-indicator.js";
import { fieldError } from "./field-error.js";

/** The most resources a client may be allowed. */
export const MAX_CLIENT_RESOURCES = 50;

/** A client's `resources`: the RFC 8707 resource indicators it may request, each once, in the order given. */
export function resourcesField(values: readonly string[]): string[] {
  if (values.length > MAX_CLIENT_RESOURCES) {
    throw fieldError("resources", `must list at most ${MAX_CLIENT_RESOURCES} resources`);
  }
  values.forEach((value, index) => {
    if (!isResourceIndicator(value)) {
      throw fieldError(
        ["resources", index],
        `must be an absolute URI without a fragment, of at most ${MAX_RESOURCE_LENGTH} characters`,
      );
    }
  });
  return [...new Set(values)];
}
