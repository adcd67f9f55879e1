/** Why a sealed value could not be opened. */
export type KeyringErrorCode =
  /** Sealed under a secret that is not in the keyring (a secret dropped too early, or another installation's). */
  | "unknown_secret"
  /** The secret is known but the value does not authenticate: altered, or moved from another record. */
  | "not_authentic";

/** A sealed value that this keyring cannot open. The message names the secret's key id, never a secret. */
export class KeyringError extends Error {
  override readonly name = "KeyringError";
  readonly code: KeyringErrorCode;

  constructor(code: KeyringErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
