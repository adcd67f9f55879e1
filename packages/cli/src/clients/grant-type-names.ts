import { JWT_BEARER_GRANT } from "@jwtgrant/core";

/** The JWT bearer grant's URN is long to type and to read: the CLI also knows it as `jwt-bearer`. */
const SHORT_NAME = "jwt-bearer";

export function grantTypeFromName(name: string): string {
  return name === SHORT_NAME ? JWT_BEARER_GRANT : name;
}

export function grantTypeShortName(grantType: unknown): unknown {
  return grantType === JWT_BEARER_GRANT ? SHORT_NAME : grantType;
}
