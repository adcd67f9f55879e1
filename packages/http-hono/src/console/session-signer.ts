import { type Clock, constantTimeEqual } from "@jwtgrant/core";
import { base64url } from "jose";

const encoder = new TextEncoder();

/** A signed-in console session, named by a random id that its CSRF token is bound to. */
export interface ConsoleSession {
  readonly id: string;
  /** The hidden form field every POST of this session must carry. */
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export interface SessionSigner {
  /** The cookie value of a new session, valid for the signer's session duration from the clock's now. */
  issue(): Promise<string>;
  /**
   * The session a cookie value names, or `null` when it is forged, malformed or expired. Whether the
   * session was ended (signed out) is not the signer's concern.
   */
  verify(cookie: string | undefined): Promise<ConsoleSession | null>;
}

const nowSeconds = (clock: Clock) => Math.floor(clock.now().getTime() / 1000);

/**
 * Signs sessions with HMAC-SHA-256 under a key derived from the admin token, so that every instance sharing
 * the token accepts the others' sessions and changing the token ends every session. A session expires
 * exactly `sessionDurationSeconds` after it was issued, by `clock`.
 */
export function createSessionSigner(
  adminToken: string,
  sessionDurationSeconds: number,
  clock: Clock,
): SessionSigner {
  const key = deriveKey(adminToken);
  const mac = async (purpose: string, value: string) =>
    base64url.encode(
      new Uint8Array(await crypto.subtle.sign("HMAC", await key, encoder.encode(`${purpose}.${value}`))),
    );

  return {
    async issue() {
      const id = base64url.encode(crypto.getRandomValues(new Uint8Array(16)));
      const payload = `${id}.${nowSeconds(clock) + sessionDurationSeconds}`;
      return `${payload}.${await mac("session", payload)}`;
    },
    async verify(cookie) {
      const [id, expiry, signature, ...rest] = cookie?.split(".") ?? [];
      if (id === undefined || expiry === undefined || signature === undefined || rest.length > 0) return null;
      const expected = await mac("session", `${id}.${expiry}`);
      if (!constantTimeEqual(signature, expected)) return null;
      const expiresAt = Number(expiry);
      if (!Number.isSafeInteger(expiresAt) || expiresAt <= nowSeconds(clock)) return null;
      return { id, csrfToken: await mac("csrf", id), expiresAt: new Date(expiresAt * 1000) };
    },
  };
}

async function deriveKey(adminToken: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey("raw", encoder.encode(adminToken), "HKDF", false, [
    "deriveKey",
  ]);
  return crypto.subtle.deriveKey(
    {
      name: "HKDF",
      hash: "SHA-256",
      salt: new Uint8Array(0),
      info: encoder.encode("jwtgrant console session"),
    },
    material,
    { name: "HMAC", hash: "SHA-256", length: 256 },
    false,
    ["sign"],
  );
}
