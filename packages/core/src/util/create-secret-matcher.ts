import { constantTimeEqual } from "./constant-time-equal.js";
import { sha256 } from "./sha256.js";

/**
 * A check of presented values against one secret (an admin token) that reveals neither where they differ
 * nor the secret's length: both sides are compared as SHA-256 digests, which are always the same length.
 */
export function createSecretMatcher(secret: string): (presented: string) => Promise<boolean> {
  const expected = sha256(secret);
  return async (presented) => constantTimeEqual(await sha256(presented), await expected);
}
