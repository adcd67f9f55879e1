/** Access tokens revoked before their expiry, by `jti`. */
export interface RevocationStore {
  /** Records the revocation until `expiresAt` (the token's own `exp`). Idempotent. */
  revoke(jti: string, expiresAt: Date): Promise<void>;
  isRevoked(jti: string): Promise<boolean>;
}
