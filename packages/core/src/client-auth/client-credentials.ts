import { invalidClient, invalidRequest } from "../errors/oauth-error.js";

export const JWT_BEARER_CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/** Everything a request presented that could authenticate a client, as the HTTP adapter decoded it. */
export interface PresentedClientAuthentication {
  /** From `Authorization: Basic`, each part already form-urldecoded (RFC 6749 §2.3.1). */
  readonly basic?: { readonly clientId: string; readonly clientSecret: string };
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly clientAssertionType?: string;
  readonly clientAssertion?: string;
}

/** The one client authentication a request used. */
export type ClientCredentials =
  | { readonly method: "client_secret_basic"; readonly clientId: string; readonly clientSecret: string }
  | { readonly method: "client_secret_post"; readonly clientId: string; readonly clientSecret: string }
  | {
      readonly method: "private_key_jwt";
      readonly clientId: string | undefined;
      readonly clientAssertion: string;
    }
  | { readonly method: "none"; readonly clientId: string };

/**
 * Decides which authentication method a request used. Two methods at once is `invalid_request`; no method
 * and no `client_id` is `invalid_client`.
 */
export function resolveClientCredentials(presented: PresentedClientAuthentication): ClientCredentials {
  const { basic, clientId, clientSecret, clientAssertionType, clientAssertion } = presented;
  const usesJwt = clientAssertion !== undefined || clientAssertionType !== undefined;
  const methods = [basic !== undefined, clientSecret !== undefined, usesJwt].filter(Boolean).length;
  if (methods > 1) {
    throw invalidRequest("the request uses more than one client authentication method", {
      reason: "multiple_client_auth",
    });
  }
  if (basic !== undefined) {
    if (clientId !== undefined && clientId !== basic.clientId) {
      throw invalidRequest("client_id does not match the Basic credentials", {
        reason: "client_id_mismatch",
      });
    }
    return { method: "client_secret_basic", ...basic };
  }
  if (clientSecret !== undefined) {
    if (clientId === undefined) {
      throw invalidRequest("client_secret requires client_id", { reason: "client_id_missing" });
    }
    return { method: "client_secret_post", clientId, clientSecret };
  }
  if (usesJwt) {
    if (clientAssertionType !== JWT_BEARER_CLIENT_ASSERTION_TYPE || clientAssertion === undefined) {
      throw invalidRequest(
        `client_assertion requires client_assertion_type ${JWT_BEARER_CLIENT_ASSERTION_TYPE}`,
        {
          reason: "client_assertion_type_invalid",
        },
      );
    }
    return { method: "private_key_jwt", clientId, clientAssertion };
  }
  if (clientId !== undefined) return { method: "none", clientId };
  throw invalidClient({ reason: "client_auth_missing" });
}
