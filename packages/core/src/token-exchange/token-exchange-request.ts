import type { Client } from "../domain/client.js";

/** A token exchange request (RFC 8693 §2.1) from an authenticated client. */
export interface TokenExchangeRequest {
  readonly client: Client;
  readonly subjectToken: string | undefined;
  readonly subjectTokenType: string | undefined;
  readonly actorToken: string | undefined;
  readonly actorTokenType: string | undefined;
  readonly requestedTokenType: string | undefined;
  readonly scope: string | undefined;
  /** The `audience` parameters, in the order sent. */
  readonly audience: readonly string[];
  /** The `resource` parameters (RFC 8707), in the order sent. */
  readonly resource: readonly string[];
}
