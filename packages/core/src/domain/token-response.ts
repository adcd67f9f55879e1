/** What a successful grant hands the client (RFC 6749 §5.1), in camelCase; the HTTP adapter renders it. */
export interface TokenResponse {
  readonly accessToken: string;
  readonly tokenType: "Bearer";
  readonly expiresIn: number;
  readonly refreshToken?: string;
  readonly scope?: string;
}
