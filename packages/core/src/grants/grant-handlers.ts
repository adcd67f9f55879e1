import {
  type GrantType,
  JWT_BEARER_GRANT,
  REFRESH_TOKEN_GRANT,
  TOKEN_EXCHANGE_GRANT,
} from "../domain/client.js";
import type { TokenResponse } from "../domain/token-response.js";
import type { EngineContext } from "../engine/context.js";
import { exchangeSubjectToken } from "../token-exchange/exchange-subject-token.js";
import { exchangeJwtBearer } from "./exchange-jwt-bearer.js";
import { exchangeRefreshToken } from "./exchange-refresh-token.js";
import type { TokenRequest } from "./token-request.js";

/** Runs one grant type for a token request: reads the parameters it defines, and decides. */
export type GrantHandler = (ctx: EngineContext, request: TokenRequest) => Promise<TokenResponse>;

/**
 * Every grant the token endpoint serves, by `grant_type`. The metadata's `grant_types_supported` is read
 * from here, so a grant is served and advertised by this one line of registration.
 */
export const GRANT_HANDLERS = {
  [JWT_BEARER_GRANT]: (ctx, { client, parameters }) =>
    exchangeJwtBearer(ctx, {
      client,
      assertion: parameters.get("assertion"),
      scope: parameters.get("scope"),
      resource: parameters.getAll("resource"),
    }),
  [REFRESH_TOKEN_GRANT]: (ctx, { client, parameters }) =>
    exchangeRefreshToken(ctx, {
      client,
      refreshToken: parameters.get("refresh_token"),
      scope: parameters.get("scope"),
      resource: parameters.getAll("resource"),
    }),
  [TOKEN_EXCHANGE_GRANT]: (ctx, { client, parameters }) =>
    exchangeSubjectToken(ctx, {
      client,
      subjectToken: parameters.get("subject_token"),
      subjectTokenType: parameters.get("subject_token_type"),
      actorToken: parameters.get("actor_token"),
      actorTokenType: parameters.get("actor_token_type"),
      requestedTokenType: parameters.get("requested_token_type"),
      scope: parameters.get("scope"),
      audience: parameters.getAll("audience"),
      resource: parameters.getAll("resource"),
    }),
} as const satisfies Record<GrantType, GrantHandler>;

/** The grant types the token endpoint serves, in registration order. */
export const SUPPORTED_GRANT_TYPES = Object.keys(GRANT_HANDLERS) as readonly GrantType[];

export const isSupportedGrantType = (grantType: string): grantType is GrantType =>
  Object.hasOwn(GRANT_HANDLERS, grantType);
