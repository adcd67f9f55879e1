import type { Clock } from "@jwtgrant/core";
import { base64url } from "jose";

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const IV_BYTES = 12;

/** A client's secret, to be shown once on the client's page right after it was made. */
export interface SecretFlash {
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface FlashSealer {
  /** The cookie value carrying `flash` for one session, readable until `lifetimeSeconds` from now. */
  seal(sessionId: string, flash: SecretFlash): Promise<string>;
  /** The flash a cookie value carries, or `null` when it is forged, of another session, malformed or expired. */
  open(sessionId: string, cookie: string | undefined): Promise<SecretFlash | null>;
}

const nowSeconds = (clock: Clock) => Math.floor(clock.now().getTime() / 1000);

/**
 * Seals a just-made client secret into a cookie with AES-256-GCM under a key derived from the admin token, so
 * the redirect after a POST can show it without the secret ever sitting in a URL or in server memory: any
 * instance sharing the token opens it. The session id is the additional data, so another session's cookie
 * does not open; the expiry is inside the sealed text, checked against `clock`.
 */
export function createFlashSealer(adminToken: string, lifetimeSeconds: number, clock: Clock): FlashSealer {
  const key = deriveKey(adminToken);
  return {
    async seal(sessionId, flash) {
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const plaintext = encoder.encode(
        JSON.stringify({ ...flash, exp: nowSeconds(clock) + lifetimeSeconds }),
      );
      const sealed = await crypto.subtle.encrypt(
        { name: "AES-GCM", iv, additionalData: encoder.encode(sessionId) },
        await key,
        plaintext,
      );
      const bytes = new Uint8Array(IV_BYTES + sealed.byteLength);
      bytes.set(iv);
      bytes.set(new Uint8Array(sealed), IV_BYTES);
      return base64url.encode(bytes);
    },
    async open(sessionId, cookie) {
      if (cookie === undefined) return null;
      try {
        const bytes = base64url.decode(cookie);
        const opened = await crypto.subtle.decrypt(
          { name: "AES-GCM", iv: bytes.slice(0, IV_BYTES), additionalData: encoder.encode(sessionId) },
          await key,
          bytes.slice(IV_BYTES),
        );
        return readFlash(JSON.parse(decoder.decode(opened)), nowSeconds(clock));
      } catch {
        return null;
      }
    },
  };
}

function readFlash(value: unknown, now: number): SecretFlash | null {
  if (typeof value !== "object" || value === null) return null;
  const { clientId, clientSecret, exp } = value as Record<string, unknown>;
  if (typeof clientId !== "string" || typeof clientSecret !== "string" || typeof exp !== "number")
    return null;
  return exp > now ? { clientId, clientSecret } : null;
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
      info: encoder.encode("jwtgrant console secret flash"),
    },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}
