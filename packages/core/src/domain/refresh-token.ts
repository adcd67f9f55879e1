/** A stored refresh token: only its hash is kept. Each rotation adds a member to the same family. */
export interface RefreshTokenRecord {
  /** base64url SHA-256 of the opaque token. */
  readonly tokenHash: string;
  readonly familyId: string;
  readonly clientId: string;
  /** The assertion's `sub`, which the issuer's subject rule is checked against again at each refresh. */
  readonly subject: string;
  /** The assertion issuer the family was granted on. */
  readonly issuer: string;
  /** The trust rule that granted the family, which must still exist at each refresh; `null`: none applied. */
  readonly rule: string | null;
  /** The access tokens' `sub`, as the rule's subject template made it at the grant. */
  readonly tokenSubject: string;
  /** The claims the rule mapped into the access tokens at the grant. */
  readonly claims: Readonly<Record<string, unknown>>;
  readonly scope: readonly string[];
  /** The resources (RFC 8707) granted to the family, its access tokens' audience; empty: the default one. */
  readonly resources: readonly string[];
  readonly issuedAt: Date;
  readonly expiresAt: Date;
  readonly state: "active" | "rotated" | "revoked";
}

/** What a rotation left on the spent token: when, into which successor, and that successor for a retry. */
export interface RefreshTokenRotation {
  readonly rotatedAt: Date;
  /** `tokenHash` of the successor issued in exchange. */
  readonly successorHash: string;
  /**
   * The successor's value sealed under a key that only the spent token's own value derives, so that a
   * retry presenting the spent token within the reuse grace gets the same successor again. `null` when no
   * reuse grace was configured at rotation.
   */
  readonly sealedSuccessor: string | null;
}

/** A refresh token as the store reads it back: the record, and its rotation once it has been rotated. */
export interface StoredRefreshToken extends RefreshTokenRecord {
  readonly rotation: RefreshTokenRotation | null;
}
