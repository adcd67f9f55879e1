import type { JwsCrypto } from "@jwtgrant/core";
import type { ClientAddress, ReadBody } from "@jwtgrant/http-hono";

/** What the runtime brings to the composition. */
export interface RuntimeServices {
  /** Default: jose on Web Crypto. */
  readonly crypto?: JwsCrypto;
  /** The peer address of a request, from what the runtime passes `fetch` besides the request. */
  readonly clientAddress: ClientAddress;
  /** Reads a request body from the runtime's own request object. Default: from the Fetch `Request`. */
  readonly readBody?: ReadBody;
}
