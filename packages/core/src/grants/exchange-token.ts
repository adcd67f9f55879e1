import type { TokenResponse } from "../domain/token-response.js";
import type { EngineContext } from "../engine/context.js";
import { invalidRequest, OAuthError } from "../errors/oauth-error.js";
import { GRANT_HANDLERS, isSupportedGrantType, SUPPORTED_GRANT_TYPES } from "./grant-handlers.js";
import type { TokenRequest } from "./token-request.js";

/** The token endpoint (RFC 6749 §3.2): dispatches on `grant_type` to the grant's handler. */
export async function exchangeToken(ctx: EngineContext, request: TokenRequest): Promise<TokenResponse> {
  const grantType = request.parameters.get("grant_type");
  if (grantType === undefined) {
    throw invalidRequest("the grant_type parameter is required", { reason: "grant_type_missing" });
  }
  if (!isSupportedGrantType(grantType)) {
    throw new OAuthError(
      "unsupported_grant_type",
      `the grant type is not supported; this server supports ${SUPPORTED_GRANT_TYPES.join(", ")}`,
      { reason: "grant_type_unsupported" },
    );
  }
  return GRANT_HANDLERS[grantType](ctx, request);
}
