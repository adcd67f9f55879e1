/** RFC 8693 §3: the token type identifiers this server reads and issues. */
export const ACCESS_TOKEN_TYPE_URI = "urn:ietf:params:oauth:token-type:access_token";
export const JWT_TOKEN_TYPE_URI = "urn:ietf:params:oauth:token-type:jwt";
export const ID_TOKEN_TYPE_URI = "urn:ietf:params:oauth:token-type:id_token";

/** The types a subject or actor token may have: an assertion from a trusted issuer, or our own access token. */
export const EXCHANGEABLE_TOKEN_TYPES = [
  JWT_TOKEN_TYPE_URI,
  ID_TOKEN_TYPE_URI,
  ACCESS_TOKEN_TYPE_URI,
] as const;

export type ExchangeableTokenType = (typeof EXCHANGEABLE_TOKEN_TYPES)[number];

export const isExchangeableTokenType = (type: string): type is ExchangeableTokenType =>
  (EXCHANGEABLE_TOKEN_TYPES as readonly string[]).includes(type);
