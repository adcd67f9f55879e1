import type { Client } from "../domain/client.js";

export interface JwtBearerRequest {
  /** The authenticated client. */
  readonly client: Client;
  readonly assertion: string | undefined;
  readonly scope: string | undefined;
  /** The `resource` parameters (RFC 8707), in the order sent; absent or empty: none. */
  readonly resource?: readonly string[];
}
