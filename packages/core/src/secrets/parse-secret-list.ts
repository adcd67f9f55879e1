import { MIN_SECRET_LENGTH } from "./create-keyring.js";

/** A comma-separated secret list, or the 1-based position of its first entry that is too short. */
export type SecretListResult =
  | { readonly ok: true; readonly secrets: readonly string[] }
  | { readonly ok: false; readonly shortEntry: number };

/**
 * Reads a list of secrets as `JWTGRANT_SECRETS` and the data directory's `secrets` file hold them: entries
 * separated by commas, each at least `MIN_SECRET_LENGTH` characters once trimmed. A refusal names the entry
 * by position, so that no message ever carries a secret.
 */
export function parseSecretList(raw: string): SecretListResult {
  const secrets = raw.split(",").map((entry) => entry.trim());
  const short = secrets.findIndex((secret) => secret.length < MIN_SECRET_LENGTH);
  return short === -1 ? { ok: true, secrets } : { ok: false, shortEntry: short + 1 };
}

/** The one-line refusal for a list whose entry `shortEntry` is too short, under the variable or file `source`. */
export function shortSecretMessage(source: string, shortEntry: number): string {
  return `${source}: expected comma-separated secrets of at least ${MIN_SECRET_LENGTH} characters each; entry ${shortEntry} is shorter`;
}
