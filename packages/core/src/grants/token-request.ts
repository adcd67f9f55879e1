import type { Client } from "../domain/client.js";
import { invalidRequest } from "../errors/oauth-error.js";

/**
 * The only parameters a token request may repeat: RFC 8707's `resource`, and RFC 8693's `audience`. Any
 * other sent twice is ambiguous, and refused (RFC 6749 §3.1).
 */
export const REPEATABLE_PARAMETERS = ["resource", "audience"] as const;

export type RepeatableParameter = (typeof REPEATABLE_PARAMETERS)[number];

const isRepeatable = (name: string): name is RepeatableParameter =>
  (REPEATABLE_PARAMETERS as readonly string[]).includes(name);

/** A token request's parameters as the wire carried them; none empty. */
export interface TokenParameters {
  /** A parameter sent at most once. */
  get(name: string): string | undefined;
  /** Every value of a parameter that may repeat, in the order sent. */
  getAll(name: RepeatableParameter): readonly string[];
}

/**
 * The parameters of a request from its name-value pairs: a value sent empty counts as omitted (§3.1), and a
 * parameter that may not repeat but does is `invalid_request`.
 */
export function tokenParameters(pairs: Iterable<readonly [string, string]>): TokenParameters {
  const single = new Map<string, string>();
  const repeated = new Map<RepeatableParameter, string[]>();
  const seen = new Set<string>();
  for (const [name, value] of pairs) {
    if (isRepeatable(name)) {
      if (value !== "") repeated.set(name, [...(repeated.get(name) ?? []), value]);
      continue;
    }
    if (seen.has(name)) {
      throw invalidRequest(`the ${name} parameter is repeated`, { reason: "repeated_parameter" });
    }
    seen.add(name);
    if (value !== "") single.set(name, value);
  }
  return { get: (name) => single.get(name), getAll: (name) => repeated.get(name) ?? [] };
}

/** A request to the token endpoint from an authenticated client. */
export interface TokenRequest {
  readonly client: Client;
  readonly parameters: TokenParameters;
}
