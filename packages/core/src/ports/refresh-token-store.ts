import type { RefreshTokenRecord } from "../domain/refresh-token.js";

/** Persistence of refresh tokens (by hash) and their rotation families. */
export interface RefreshTokenStore {
  insert(record: RefreshTokenRecord): Promise<void>;
  findByHash(tokenHash: string): Promise<RefreshTokenRecord | null>;
  /**
   * Atomically marks the token `tokenHash` as rotated and inserts `successor`, but only if the token is
   * still `active` and not expired at `now`. Resolves `true` when this call rotated it. Of concurrent
   * rotations of one token exactly one resolves `true`; the others resolve `false` and insert nothing.
   */
  rotate(tokenHash: string, successor: RefreshTokenRecord, now: Date): Promise<boolean>;
  /** Marks every member of the family `revoked`. Idempotent. */
  revokeFamily(familyId: string): Promise<void>;
}
