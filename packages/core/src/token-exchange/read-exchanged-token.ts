import type { Client } from "../domain/client.js";
import type { EngineContext } from "../engine/context.js";
import { OAuthError } from "../errors/oauth-error.js";
import type { ExchangedToken } from "./exchanged-token.js";
import type { PresentedToken } from "./presented-token.js";
import { readAccessToken } from "./read-access-token.js";
import { readAssertionToken } from "./read-assertion-token.js";

/** Which token of the request a refusal is about, as its parameter is named. */
export type ExchangedTokenRole = "subject_token" | "actor_token";

/**
 * A subject or actor token, verified as its type says. A token refused is the request's fault, so
 * RFC 8693 §2.2.2 makes it `invalid_request`, never `invalid_grant`; the refusal keeps its reason, and its
 * description says which token it is about.
 */
export async function readExchangedToken(
  ctx: EngineContext,
  client: Client,
  role: ExchangedTokenRole,
  presented: PresentedToken,
): Promise<ExchangedToken> {
  try {
    return presented.kind === "access_token"
      ? await readAccessToken(ctx, client, presented.token)
      : await readAssertionToken(ctx, client, presented.read);
  } catch (error) {
    throw asRequestError(error, role);
  }
}

/** An `invalid_grant` or `invalid_request` about a token, as the `invalid_request` naming that token. */
export function asRequestError(error: unknown, role: ExchangedTokenRole): unknown {
  if (
    !(error instanceof OAuthError) ||
    (error.code !== "invalid_grant" && error.code !== "invalid_request")
  ) {
    return error;
  }
  return new OAuthError("invalid_request", `${role}: ${error.description}`, {
    reason: error.reason,
    ...(error.detail === undefined ? {} : { detail: error.detail }),
    cause: error,
  });
}
