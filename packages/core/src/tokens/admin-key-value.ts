import { randomToken } from "../util/random-token.js";

/** Admin keys start with this prefix so that secret scanners can recognise a leaked one. */
export const ADMIN_KEY_PREFIX = "jgak_";

/** A new admin key: 256 random bits after the prefix. Shown once; only its hash is stored. */
export function newAdminKey(): string {
  return `${ADMIN_KEY_PREFIX}${randomToken(32)}`;
}
