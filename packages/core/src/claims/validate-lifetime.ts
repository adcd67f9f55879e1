import { invalidGrant } from "../errors/oauth-error.js";

/**
 * The assertion's lifetime, `exp` − (`iat`, or now when absent), must not exceed `maxSeconds`, so a leaked
 * long-lived assertion is not accepted.
 */
export function validateLifetime(
  exp: number,
  iat: number | undefined,
  nowSeconds: number,
  maxSeconds: number,
): void {
  const lifetime = exp - (iat ?? nowSeconds);
  if (lifetime > maxSeconds) {
    throw invalidGrant(`the assertion's lifetime exceeds ${maxSeconds} seconds`, {
      reason: "lifetime_too_long",
      detail: `lifetime ${lifetime}s`,
    });
  }
}
