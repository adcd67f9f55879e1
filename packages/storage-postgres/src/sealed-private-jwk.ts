import {
  createLruMap,
  isSealedValue,
  type Keyring,
  KeyringError,
  openSealedValue,
  type PrivateJwk,
  type SealedValue,
  sealValue,
} from "@jwtgrant/core";

/**
 * What the `private_jwk` column holds: the private JWK sealed under the keyring, or, in a row written before
 * keys were sealed, the JWK in clear until the start-up step (`sealSigningKeys`) seals it.
 */
export type StoredPrivateJwk = PrivateJwk | { readonly sealed: SealedValue };

/** Opened keys are kept so that a key is decrypted once per process, not on every read of the table. */
const MAX_OPENED = 256;

export interface PrivateJwkSealer {
  seal(kid: string, jwk: PrivateJwk): Promise<StoredPrivateJwk>;
  /** Throws `KeyringError` naming the key when its secret is not configured or the value is not authentic. */
  open(kid: string, stored: StoredPrivateJwk): Promise<PrivateJwk>;
  /** Whether `stored` is sealed under the keyring's first secret already (`false` for a row in clear). */
  isSealedUnderFirstSecret(stored: StoredPrivateJwk): boolean;
}

/** The seal of a sealed row, `undefined` for a row still in clear. */
function sealedPart(kid: string, stored: StoredPrivateJwk): SealedValue | undefined {
  if (!("sealed" in stored)) return undefined;
  if (!isSealedValue(stored.sealed)) {
    throw new KeyringError("not_authentic", `cannot open signing key ${kid}: its seal is malformed`);
  }
  return stored.sealed;
}

/** The additional data of a key's seal: a sealed JWK copied onto another row does not open there. */
const context = (kid: string) => `signing_keys/${kid}`;

/** Storage opened without a keyring keeps working for everything but signing keys. */
function noKeyring(): never {
  throw new Error("signing keys are sealed at rest: open the storage with a `keyring`");
}

export function createPrivateJwkSealer(keyring: Keyring | undefined): PrivateJwkSealer {
  const opened = createLruMap<string, string>(MAX_OPENED);

  return {
    async seal(kid, jwk) {
      if (keyring === undefined) noKeyring();
      return { sealed: await sealValue(keyring, JSON.stringify(jwk), context(kid)) };
    },

    async open(kid, stored) {
      if (keyring === undefined) noKeyring();
      const sealed = sealedPart(kid, stored);
      if (sealed === undefined) return stored as PrivateJwk;
      const memo = `${kid}|${sealed.kek}|${sealed.iv}|${sealed.ct}`;
      let plaintext = opened.get(memo);
      if (plaintext === undefined) {
        try {
          plaintext = await openSealedValue(keyring, sealed, context(kid));
        } catch (error) {
          if (!(error instanceof KeyringError)) throw error;
          throw new KeyringError(error.code, `cannot open signing key ${kid}: ${error.message}`);
        }
        opened.set(memo, plaintext);
      }
      // Parsed per read: every caller gets its own object, as from any other read of the table.
      return JSON.parse(plaintext) as PrivateJwk;
    },

    isSealedUnderFirstSecret(stored) {
      return keyring !== undefined && "sealed" in stored && stored.sealed.kek === keyring.sealing.id;
    },
  };
}
