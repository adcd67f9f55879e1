import type { Client, Engine } from "@jwtgrant/core";
import type { Context } from "hono";
import { describeError, errorResponse, NO_STORE_HEADERS } from "../errors/error-response.js";
import { jsonResponse } from "../json-response.js";
import type { ObservedVariables } from "../observability/request-outcome.js";
import type { AuthenticateClient } from "./limited-client-authentication.js";
import type { ReadBody } from "./read-body-text.js";
import { type FormParameters, readForm } from "./read-form.js";

export type OAuthContext = Context<{ Variables: ObservedVariables }>;

/** The part of an OAuth endpoint after the wire: an authenticated client and the request's parameters. */
export type OAuthHandler = (client: Client, form: FormParameters, c: OAuthContext) => Promise<Response>;

/** A JSON body with the no-store headers every OAuth response carries. */
export function oauthJson(c: OAuthContext, body: object): Response {
  return jsonResponse(c, 200, body, NO_STORE_HEADERS);
}

/** What every OAuth endpoint needs besides its handler. */
export interface OAuthEndpointOptions {
  readonly engine: Engine;
  /** Largest accepted request body. */
  readonly maxBodyBytes: number;
  readonly authenticateClient: AuthenticateClient;
  /** The runtime's own body reader, if any. */
  readonly readBody?: ReadBody | undefined;
}

/**
 * Wraps an OAuth endpoint: parses the form, authenticates the client, runs the handler, and turns any error
 * into its response in the one place that maps errors.
 */
export function oauthEndpoint(
  { maxBodyBytes, authenticateClient, readBody }: OAuthEndpointOptions,
  endpoint: string,
  handle: OAuthHandler,
) {
  return async (c: OAuthContext): Promise<Response> => {
    const outcome = c.get("outcome");
    outcome.endpoint = endpoint;
    const authorization = c.req.header("authorization");
    try {
      const form = await readForm(c, maxBodyBytes, readBody);
      const client = await authenticateClient(c, form, authorization);
      outcome.clientId = client.clientId;
      return await handle(client, form, c);
    } catch (error) {
      const basicUsed = authorization !== undefined && /^basic\s/i.test(authorization.trim());
      return errorResponse(c, describeError(error), basicUsed ? { challenge: "Basic" } : {});
    }
  };
}
