/**
 * A value encrypted with AES-256-GCM under one secret of a keyring. Stored as is (JSON); nothing in it is
 * secret: `kek` names the secret that sealed it so that opening picks the right one, `iv` is the nonce, `ct`
 * the ciphertext with its authentication tag (all base64url).
 */
export interface SealedValue {
  readonly v: 1;
  /** Key id of the key-encryption secret: derived from it, reveals nothing about it. */
  readonly kek: string;
  readonly iv: string;
  readonly ct: string;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Whether `value` has the shape of a `SealedValue` (whether it opens is another matter). */
export function isSealedValue(value: unknown): value is SealedValue {
  if (typeof value !== "object" || value === null) return false;
  const { v, kek, iv, ct } = value as Record<string, unknown>;
  return (
    v === 1 &&
    [kek, iv, ct].every((part) => typeof part === "string" && BASE64URL.test(part)) &&
    Object.keys(value).length === 4
  );
}
