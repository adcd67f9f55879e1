import { base64url } from "jose";
import type { Keyring } from "./create-keyring.js";
import { KeyringError } from "./keyring-error.js";
import type { SealedValue } from "./sealed-value.js";

/**
 * Decrypts what `sealValue` sealed with the same `context`. Throws `KeyringError` when the secret that
 * sealed it is not in the keyring, or when the value does not authenticate (altered, or another context's).
 */
export async function openSealedValue(
  keyring: Keyring,
  sealed: SealedValue,
  context: string,
): Promise<string> {
  const entry = keyring.keys.get(sealed.kek);
  if (entry === undefined) {
    throw new KeyringError(
      "unknown_secret",
      `sealed under the secret with key id ${sealed.kek}, which is not among the configured secrets`,
    );
  }
  try {
    const plaintext = await crypto.subtle.decrypt(
      {
        name: "AES-GCM",
        iv: new Uint8Array(base64url.decode(sealed.iv)),
        additionalData: new TextEncoder().encode(context),
      },
      entry.key,
      new Uint8Array(base64url.decode(sealed.ct)),
    );
    return new TextDecoder("utf-8", { fatal: true }).decode(plaintext);
  } catch {
    throw new KeyringError(
      "not_authentic",
      `does not open under the secret with key id ${sealed.kek}: it was altered or belongs to another record`,
    );
  }
}
