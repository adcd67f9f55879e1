import {
  type Client,
  type Engine,
  type FailedAuthenticationLimiter,
  OAuthError,
  type PresentedClientAuthentication,
  presentedClientId,
} from "@jwtgrant/core";
import type { Context } from "hono";
import { TooManyFailedAuthenticationsError } from "../errors/error-response.js";
import { readBasicCredentials } from "./basic-credentials.js";
import type { ClientAddress } from "./client-address.js";
import { presentedClientAuthentication } from "./presented-client-authentication.js";
import type { FormParameters } from "./read-form.js";

/** Authenticates the client of an OAuth request from its form and its `Authorization` header. */
export type AuthenticateClient = (
  c: Context,
  form: FormParameters,
  authorization: string | undefined,
) => Promise<Client>;

/**
 * Client authentication behind the failed-authentication limiter: a client_id or address refused for now is
 * answered 429 before its credentials are looked at, and every `invalid_client` counts against both. The
 * client_id and the address are only worked out when the limiter asks for them.
 */
export function limitedClientAuthentication(
  engine: Engine,
  limiter: FailedAuthenticationLimiter,
  clientAddress: ClientAddress,
): AuthenticateClient {
  const { maxAssertionBytes } = engine.settings;
  return async (c, form, authorization) => {
    let presented: PresentedClientAuthentication | undefined;
    const source = () => ({
      clientId: presented === undefined ? undefined : presentedClientId(presented, maxAssertionBytes),
      address: clientAddress(c.req.raw, c.env),
    });
    try {
      presented = presentedClientAuthentication(form, readBasicCredentials(authorization));
      const retryAfterSeconds = limiter.retryAfterSeconds(source);
      if (retryAfterSeconds > 0) throw new TooManyFailedAuthenticationsError(retryAfterSeconds);
      return await engine.authenticateClient(presented);
    } catch (error) {
      if (error instanceof OAuthError && error.code === "invalid_client") limiter.recordFailure(source());
      throw error;
    }
  };
}
