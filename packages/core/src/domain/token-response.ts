/** What a successful grant hands the client (RFC 6749 §5.1), in camelCase; the HTTP adapter renders it. */
export interface TokenResponse {
  readonly accessToken: string;
  /** RFC 8693 §2.2.1: the type of the token issued by a token exchange; only that grant reports it. */
  readonly issuedTokenType?: string;
  readonly tokenType: "Bearer";
  readonly expiresIn: number;
  readonly refreshToken?: string;
  readonly scope?: string;
  /** The resources granted (RFC 8707), the access token's audience: one, or several; absent when none. */
  readonly resource?: string | readonly string[];
}
