import { expect } from "vitest";
import { OAuthError, type OAuthErrorCode } from "../../src/errors/oauth-error.js";
import type { RefusalReason } from "../../src/errors/refusal-reason.js";

/** Awaits a rejection and checks it is the OAuth error `code`, with `reason` when given. */
export async function expectOAuthError(
  promise: Promise<unknown>,
  code: OAuthErrorCode,
  reason?: RefusalReason,
): Promise<OAuthError> {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(OAuthError);
  const oauthError = error as OAuthError;
  expect(oauthError.code).toBe(code);
  if (reason !== undefined) expect(oauthError.reason).toBe(reason);
  return oauthError;
}
