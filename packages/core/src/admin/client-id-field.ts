import { fieldError } from "./field-error.js";

const MAX_CLIENT_ID_LENGTH = 255;

/**
 * A `client_id` given at registration, as when clients move from another server: printable ASCII without
 * spaces, at most 255 characters.
 */
export function clientIdField(clientId: string): string {
  if (clientId.length === 0 || clientId.length > MAX_CLIENT_ID_LENGTH || !/^[\x21-\x7e]+$/.test(clientId)) {
    throw fieldError(
      "client_id",
      `must be 1 to ${MAX_CLIENT_ID_LENGTH} printable ASCII characters without spaces`,
    );
  }
  return clientId;
}
