/** One part as application/x-www-form-urlencoded: what URLSearchParams writes for a value. */
function formEncode(part: string): string {
  return new URLSearchParams({ v: part }).toString().slice("v=".length);
}

/**
 * The `Authorization: Basic` value of RFC 6749 §2.3.1: client id and secret each form-urlencoded first, so
 * that a colon or a non-ASCII character in either survives.
 */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  const credentials = `${formEncode(clientId)}:${formEncode(clientSecret)}`;
  return `Basic ${Buffer.from(credentials, "utf8").toString("base64")}`;
}
