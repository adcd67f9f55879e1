import type { AdminKey } from "../domain/admin-key.js";

/**
 * Named admin API keys. Read on every admin request, never cached, so that a revocation on one instance
 * holds on every instance at the next request.
 */
export interface AdminKeyStore {
  /** Inserts; `"duplicate"` when the name (or the id) is taken. */
  insert(key: AdminKey): Promise<"inserted" | "duplicate">;
  /** The key whose SHA-256 is `keyHash`, or `null`. */
  findByHash(keyHash: string): Promise<AdminKey | null>;
  findById(id: string): Promise<AdminKey | null>;
  /** Every key, ordered by creation time. */
  list(): Promise<AdminKey[]>;
  /** Removes the key, which stops working at once; `false` if there was none. */
  delete(id: string): Promise<boolean>;
}
