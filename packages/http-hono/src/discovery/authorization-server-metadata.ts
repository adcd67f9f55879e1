import { ASYMMETRIC_ALGORITHMS, CLIENT_AUTH_METHODS, type EngineSettings, GRANT_TYPES } from "@jwtgrant/core";
import { endpointUrl } from "../routes.js";

/** RFC 8414 metadata, derived from the engine's settings and the route table so that it cannot disagree with them. */
export function authorizationServerMetadata(settings: EngineSettings) {
  const authMethods = [...CLIENT_AUTH_METHODS];
  return {
    issuer: settings.issuer,
    token_endpoint: endpointUrl(settings.issuer, "token"),
    jwks_uri: endpointUrl(settings.issuer, "jwks"),
    revocation_endpoint: endpointUrl(settings.issuer, "revocation"),
    introspection_endpoint: endpointUrl(settings.issuer, "introspection"),
    grant_types_supported: [...GRANT_TYPES],
    response_types_supported: [],
    token_endpoint_auth_methods_supported: authMethods,
    token_endpoint_auth_signing_alg_values_supported: [...ASYMMETRIC_ALGORITHMS],
    revocation_endpoint_auth_methods_supported: authMethods,
    // RFC 7662 §4: a public client may not introspect.
    introspection_endpoint_auth_methods_supported: authMethods.filter((method) => method !== "none"),
  };
}
