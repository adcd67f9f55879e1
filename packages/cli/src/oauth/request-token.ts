import { requestJson } from "../http/request-json.js";
import type { ServerTrust } from "../http/send-request.js";
import { basicAuthorization } from "./basic-authorization.js";

export interface TokenRequest {
  /** The server's base URL; the token endpoint is `/oauth2/token` under it. */
  readonly url: URL;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The grant's form parameters, `grant_type` included. */
  readonly parameters: Readonly<Record<string, string>>;
  /** How to check an https server's certificate. */
  readonly trust: ServerTrust;
}

/** A token request authenticated with client_secret_basic; the server's JSON response. */
export async function requestToken(request: TokenRequest): Promise<unknown> {
  return requestJson(
    new URL(`${request.url.href.replace(/\/+$/, "")}/oauth2/token`),
    {
      method: "POST",
      headers: {
        authorization: basicAuthorization(request.clientId, request.clientSecret),
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
      },
      body: new URLSearchParams(request.parameters).toString(),
    },
    request.trust,
  );
}
