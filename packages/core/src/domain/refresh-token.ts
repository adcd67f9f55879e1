/** A stored refresh token: only its hash is kept. Each rotation adds a member to the same family. */
export interface RefreshTokenRecord {
  /** base64url SHA-256 of the opaque token. */
  readonly tokenHash: string;
  readonly familyId: string;
  readonly clientId: string;
  readonly subject: string;
  /** The assertion issuer the family was granted on. */
  readonly issuer: string;
  readonly scope: readonly string[];
  readonly issuedAt: Date;
  readonly expiresAt: Date;
  readonly state: "active" | "rotated" | "revoked";
}
