import { randomToken } from "../util/random-token.js";

/** Refresh tokens start with this prefix so that secret scanners can recognise a leaked one. */
export const REFRESH_TOKEN_PREFIX = "jgrt_";

/** A new opaque refresh token: 256 random bits after the prefix. */
export function newRefreshToken(): string {
  return `${REFRESH_TOKEN_PREFIX}${randomToken(32)}`;
}
