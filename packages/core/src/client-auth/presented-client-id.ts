import { OAuthError } from "../errors/oauth-error.js";
import type { PresentedClientAuthentication } from "./client-credentials.js";
import { readClientAssertion } from "./verify-client-assertion.js";

/**
 * The client a request claims to be, before it is authenticated: for counting its failures. `undefined`
 * when it names none (or only in a client assertion too malformed to read).
 */
export function presentedClientId(
  presented: PresentedClientAuthentication,
  maxAssertionBytes: number,
): string | undefined {
  const named = presented.basic?.clientId ?? presented.clientId;
  if (named !== undefined || presented.clientAssertion === undefined) return named;
  try {
    return readClientAssertion(presented.clientAssertion, maxAssertionBytes).clientId;
  } catch (error) {
    if (error instanceof OAuthError) return undefined;
    throw error;
  }
}
