import type { KeySource } from "./trusted-issuer.js";

export const JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
export const REFRESH_TOKEN_GRANT = "refresh_token";
export const TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";

export type GrantType = typeof JWT_BEARER_GRANT | typeof REFRESH_TOKEN_GRANT | typeof TOKEN_EXCHANGE_GRANT;

export const GRANT_TYPES: readonly GrantType[] = [
  JWT_BEARER_GRANT,
  REFRESH_TOKEN_GRANT,
  TOKEN_EXCHANGE_GRANT,
];

export type ClientAuthMethod = "client_secret_basic" | "client_secret_post" | "private_key_jwt" | "none";

export const CLIENT_AUTH_METHODS: readonly ClientAuthMethod[] = [
  "client_secret_basic",
  "client_secret_post",
  "private_key_jwt",
  "none",
];

/** Keys a private_key_jwt client signs its client assertions with. */
export type ClientKeySource = Extract<KeySource, { kind: "jwks" | "jwks_uri" }>;

/** An OAuth client registered by the operator (fields after RFC 7591). */
export interface Client {
  readonly clientId: string;
  readonly clientName: string | null;
  /** base64url SHA-256 of the secret, for the `client_secret_*` methods; `null` otherwise. */
  readonly secretHash: string | null;
  readonly authMethod: ClientAuthMethod;
  readonly grantTypes: readonly GrantType[];
  /** Every scope the client may be granted. */
  readonly scope: readonly string[];
  /** For `private_key_jwt` only. */
  readonly keySource: ClientKeySource | null;
  /** Stored as RFC 7591 registers it; the JWT bearer and refresh token grants never use it. */
  readonly redirectUris: readonly string[];
  /**
   * The RFC 8707 resource indicators the client may request (absolute URIs without a fragment), compared
   * exactly; empty: it may request none, and its access tokens name this server as audience.
   */
  readonly resources: readonly string[];
  /** The only issuers whose assertions this client may present; `null`: any trusted issuer. */
  readonly trustedIssuers: readonly string[] | null;
  /** Seconds; `null` means the server's default. */
  readonly accessTokenTtl: number | null;
  readonly refreshTokenTtl: number | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}
