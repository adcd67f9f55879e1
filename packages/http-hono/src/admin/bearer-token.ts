/**
 * The token of an `Authorization: Bearer` header (RFC 6750 §2.1), or `undefined` when the request carries
 * none or a header of another shape: either way the caller answers with the same challenge.
 */
export function readBearerToken(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  const [scheme, token, ...rest] = authorization.trim().split(/\s+/);
  if (scheme?.toLowerCase() !== "bearer" || token === undefined || token === "" || rest.length > 0) {
    return undefined;
  }
  return token;
}
