import type { Client } from "../domain/client.js";

export interface JwtBearerRequest {
  /** The authenticated client. */
  readonly client: Client;
  readonly assertion: string | undefined;
  readonly scope: string | undefined;
}
