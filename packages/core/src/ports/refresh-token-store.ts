import type { RefreshTokenRecord, StoredRefreshToken } from "../domain/refresh-token.js";

/** Persistence of refresh tokens (by hash) and their rotation families. */
export interface RefreshTokenStore {
  /** Stores a new token; it reads back with `rotation: null`. */
  insert(record: RefreshTokenRecord): Promise<void>;
  findByHash(tokenHash: string): Promise<StoredRefreshToken | null>;
  /**
   * Atomically marks the token `tokenHash` as rotated, records its rotation (`now`, the successor's hash and
   * `sealedSuccessor`) and inserts `successor`, but only if the token is still `active` and not expired at
   * `now`. Resolves `true` when this call rotated it. Of concurrent rotations of one token exactly one
   * resolves `true`; the others resolve `false` and insert nothing, and once they have resolved,
   * `findByHash` shows the winner's rotation and its successor.
   */
  rotate(
    tokenHash: string,
    successor: RefreshTokenRecord,
    now: Date,
    sealedSuccessor: string | null,
  ): Promise<boolean>;
  /** Marks every member of the family `revoked`. Idempotent. */
  revokeFamily(familyId: string): Promise<void>;
}
