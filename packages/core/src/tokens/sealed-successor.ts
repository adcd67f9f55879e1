import { base64url } from "jose";

const encoder = new TextEncoder();
const HKDF_INFO = encoder.encode("jwtgrant refresh-token successor v1");
const IV_BYTES = 12;

/**
 * The AES-256-GCM key derived (HKDF-SHA256) from a refresh token's own value. The store keeps only the
 * token's SHA-256, from which this key cannot be computed: only someone presenting the token derives it.
 * The token carries 256 random bits, so HKDF needs no salt.
 */
async function keyOf(token: string, usage: "encrypt" | "decrypt"): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey("raw", encoder.encode(token), "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: HKDF_INFO },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    [usage],
  );
}

/** Seals `successor` so that only the holder of `spent` can read it: base64url of IV ‖ ciphertext ‖ tag. */
export async function sealSuccessor(spent: string, successor: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv },
    await keyOf(spent, "encrypt"),
    encoder.encode(successor),
  );
  const sealed = new Uint8Array(IV_BYTES + ciphertext.byteLength);
  sealed.set(iv);
  sealed.set(new Uint8Array(ciphertext), IV_BYTES);
  return base64url.encode(sealed);
}

/** The successor sealed by `sealSuccessor(spent, …)`, or `null` when `sealed` was not sealed under `spent`. */
export async function unsealSuccessor(spent: string, sealed: string): Promise<string | null> {
  let bytes: Uint8Array;
  try {
    bytes = base64url.decode(sealed);
  } catch {
    return null;
  }
  if (bytes.length <= IV_BYTES) return null;
  try {
    const plaintext = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: bytes.slice(0, IV_BYTES) },
      await keyOf(spent, "decrypt"),
      bytes.slice(IV_BYTES),
    );
    return new TextDecoder("utf-8", { fatal: true }).decode(plaintext);
  } catch {
    return null;
  }
}
