import { base64url } from "jose";

/** base64url SHA-256 of the UTF-8 text: how secrets and refresh tokens are stored. */
export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return base64url.encode(new Uint8Array(digest));
}
