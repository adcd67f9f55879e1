import { base64url } from "jose";
import type { Keyring } from "./create-keyring.js";
import type { SealedValue } from "./sealed-value.js";

/**
 * Encrypts `plaintext` under the keyring's sealing key. `context` is authenticated but not stored (AES-GCM
 * additional data): pass what the value belongs to, such as a record's id, so that a sealed value copied
 * onto another record does not open there.
 */
export async function sealValue(keyring: Keyring, plaintext: string, context: string): Promise<SealedValue> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const encoder = new TextEncoder();
  const ct = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: encoder.encode(context) },
    keyring.sealing.key,
    encoder.encode(plaintext),
  );
  return {
    v: 1,
    kek: keyring.sealing.id,
    iv: base64url.encode(iv),
    ct: base64url.encode(new Uint8Array(ct)),
  };
}
