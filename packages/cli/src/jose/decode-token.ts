import { decodeJwt, decodeProtectedHeader } from "jose";
import { CliError } from "../cli-error.js";

const TIME_CLAIMS = ["exp", "iat", "nbf"] as const;

export interface DecodedToken {
  readonly header: Readonly<Record<string, unknown>>;
  readonly claims: Readonly<Record<string, unknown>>;
  /** exp, iat and nbf as ISO 8601 instants, for the ones present. */
  readonly dates: Readonly<Record<string, string>>;
  /** `null` when the token has no `exp`. */
  readonly expired: boolean | null;
}

/** A JWT's header and claims, unverified: for reading a token, never for trusting it. */
export function decodeToken(token: string, now: Date): DecodedToken {
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch (error) {
    throw new CliError(`not a JWT: ${error instanceof Error ? error.message : String(error)}`);
  }
  const dates: Record<string, string> = {};
  for (const name of TIME_CLAIMS) {
    const value = claims[name];
    if (typeof value === "number" && Number.isFinite(value))
      dates[name] = new Date(value * 1000).toISOString();
  }
  const exp = claims.exp;
  return {
    header,
    claims,
    dates,
    expired: typeof exp === "number" ? exp * 1000 <= now.getTime() : null,
  };
}
