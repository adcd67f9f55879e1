import { randomToken } from "../util/random-token.js";

/** Client secrets start with this prefix so that secret scanners can recognise a leaked one. */
export const CLIENT_SECRET_PREFIX = "jgcs_";

/** A new client secret: 256 random bits after the prefix. Shown once; only its hash is stored. */
export function newClientSecret(): string {
  return `${CLIENT_SECRET_PREFIX}${randomToken(32)}`;
}
