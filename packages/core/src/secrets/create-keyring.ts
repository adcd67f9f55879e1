import { base64url } from "jose";

/** At least 256 bits' worth of characters: the secrets are meant to be random, not passwords. */
export const MIN_SECRET_LENGTH = 32;

/** One secret of a keyring, ready for AES-256-GCM. */
export interface KeyringKey {
  /** Short public id derived from the secret (HKDF, its own `info`): recorded in what this key seals. */
  readonly id: string;
  readonly key: CryptoKey;
}

/**
 * Key-encryption keys derived from a list of secrets. The first seals; every one opens, so that a secret
 * can be rotated: put the new one first, re-seal what the old one sealed, then drop the old one.
 */
export interface Keyring {
  /** The key that seals: the first secret's. */
  readonly sealing: KeyringKey;
  /** Every key, the sealing one first, by id. */
  readonly keys: ReadonlyMap<string, KeyringKey>;
}

const encoder = new TextEncoder();
const SALT = encoder.encode("jwtgrant keyring v1");

async function deriveKey(secret: string): Promise<KeyringKey> {
  const material = await crypto.subtle.importKey("raw", encoder.encode(secret), "HKDF", false, [
    "deriveBits",
    "deriveKey",
  ]);
  const hkdf = (info: string) => ({ name: "HKDF", hash: "SHA-256", salt: SALT, info: encoder.encode(info) });
  const idBits = await crypto.subtle.deriveBits(hkdf("jwtgrant key id"), material, 48);
  const key = await crypto.subtle.deriveKey(
    hkdf("jwtgrant aes-256-gcm"),
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
  return { id: base64url.encode(new Uint8Array(idBits)), key };
}

/**
 * A keyring of `secrets` (the first seals). Each secret must be at least 32 characters; a secret listed
 * twice counts once. Misuse throws `TypeError`.
 */
export async function createKeyring(secrets: readonly string[]): Promise<Keyring> {
  if (secrets.length === 0) throw new TypeError("a keyring needs at least one secret");
  for (const [index, secret] of secrets.entries()) {
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new TypeError(`secret ${index + 1} is shorter than ${MIN_SECRET_LENGTH} characters`);
    }
  }
  const derived = await Promise.all(secrets.map(deriveKey));
  const keys = new Map<string, KeyringKey>();
  for (const key of derived) if (!keys.has(key.id)) keys.set(key.id, key);
  const [sealing] = derived;
  if (sealing === undefined) throw new TypeError("a keyring needs at least one secret");
  return { sealing, keys };
}
