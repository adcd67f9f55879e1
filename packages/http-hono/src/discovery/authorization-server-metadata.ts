import {
  ASYMMETRIC_ALGORITHMS,
  CLIENT_AUTH_METHODS,
  type Engine,
  ID_JAG_GRANT_PROFILE,
} from "@jwtgrant/core";
import { endpointUrl } from "../routes.js";

/**
 * RFC 8414 metadata, derived from the engine (its settings and grant table) and the route table, so that it
 * cannot disagree with what is served.
 */
export function authorizationServerMetadata({
  settings,
  grantTypes,
}: Pick<Engine, "settings" | "grantTypes">) {
  const authMethods = [...CLIENT_AUTH_METHODS];
  return {
    issuer: settings.issuer,
    token_endpoint: endpointUrl(settings.issuer, "token"),
    jwks_uri: endpointUrl(settings.issuer, "jwks"),
    revocation_endpoint: endpointUrl(settings.issuer, "revocation"),
    introspection_endpoint: endpointUrl(settings.issuer, "introspection"),
    grant_types_supported: [...grantTypes],
    response_types_supported: [],
    token_endpoint_auth_methods_supported: authMethods,
    token_endpoint_auth_signing_alg_values_supported: [...ASYMMETRIC_ALGORITHMS],
    revocation_endpoint_auth_methods_supported: authMethods,
    // RFC 7662 §4: a public client may not introspect.
    introspection_endpoint_auth_methods_supported: authMethods.filter((method) => method !== "none"),
    // The jwt-bearer grant redeems Identity Assertion JWT Authorization Grants.
    authorization_grant_profiles_supported: [ID_JAG_GRANT_PROFILE],
  };
}
