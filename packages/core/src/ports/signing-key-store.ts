import type { SigningKey } from "../domain/signing-key.js";

/** Persistence of the server's own signing keys, shared by every instance. */
export interface SigningKeyStore {
  /** The one `active` key, or `null` before the first start. */
  findActive(): Promise<SigningKey | null>;
  /** Every key, newest first. */
  list(): Promise<SigningKey[]>;
  /**
   * Stores `candidate` as the active key unless an active key exists, and resolves the active key.
   * Concurrent first starts all resolve the same key.
   */
  activateInitial(candidate: SigningKey): Promise<SigningKey>;
  /**
   * In one atomic step: the current active key becomes `retired` with `publishUntil = retiredPublishUntil`,
   * and `next` becomes the active key. Of concurrent rotations exactly one active key remains.
   */
  rotate(next: SigningKey, retiredPublishUntil: Date): Promise<void>;
  /**
   * `rotate`, only if the active key is still `expectedActiveKid`; resolves whether it rotated. Of concurrent
   * calls expecting the same key, exactly one rotates: scheduled rotations on many instances make one.
   */
  rotateFrom(expectedActiveKid: string, next: SigningKey, retiredPublishUntil: Date): Promise<boolean>;
}
