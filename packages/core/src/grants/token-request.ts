import type { Client } from "../domain/client.js";

/** A token request's parameters as the wire carried them: each present at most once, none empty. */
export type TokenParameters = ReadonlyMap<string, string>;

/** A request to the token endpoint from an authenticated client. */
export interface TokenRequest {
  readonly client: Client;
  readonly parameters: TokenParameters;
}
