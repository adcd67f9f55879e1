/** A named admin API key. The key itself is shown once, at creation; only its SHA-256 is kept. */
export interface AdminKey {
  readonly id: string;
  /** Unique: what the audit log names the key's holder by. */
  readonly name: string;
  /** base64url SHA-256 of the key. */
  readonly keyHash: string;
  readonly createdAt: Date;
}

/** An admin key as the admin API shows it: never its hash. */
export type AdminKeyView = Omit<AdminKey, "keyHash">;

/** A new admin key and, in this one response only, the key in clear. */
export interface AdminKeyWithSecret {
  readonly key: AdminKeyView;
  readonly secret: string;
}
