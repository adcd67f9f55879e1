import { eq } from "drizzle-orm";
import type { Database } from "./database.js";
import { signingKeys } from "./schema.js";
import type { PrivateJwkSealer } from "./sealed-private-jwk.js";

export interface SealSigningKeysOptions {
  /**
   * Also re-seal the keys sealed under a secret other than the first, so that the older secrets can be
   * dropped (`jwtgrant keys reencrypt`). Default false: at start-up only keys in clear are sealed, so that
   * instances not yet restarted with a new first secret still open every key.
   */
  readonly reencrypt?: boolean;
}

export interface SealSigningKeysResult {
  /** Keys sealed by this call: rows in clear, and with `reencrypt` those sealed under another secret. */
  readonly sealed: number;
  /** Every key in the table, each of which opened. */
  readonly keys: number;
}

/**
 * Seals the signing keys stored in clear (with `reencrypt`, every key not sealed under the first secret) under
 * the keyring's first secret, and opens every key on the way, so that a key no configured secret opens is
 * found now rather than when it signs. The caller holds the migration lock: two of these never interleave.
 */
export async function sealSigningKeys(
  db: Database,
  sealer: PrivateJwkSealer,
  options: SealSigningKeysOptions = {},
): Promise<SealSigningKeysResult> {
  const rows = await db
    .select({ kid: signingKeys.kid, privateJwk: signingKeys.privateJwk })
    .from(signingKeys)
    .orderBy(signingKeys.kid);
  let sealed = 0;
  for (const row of rows) {
    const jwk = await sealer.open(row.kid, row.privateJwk);
    const inClear = !("sealed" in row.privateJwk);
    if (!inClear && (!options.reencrypt || sealer.isSealedUnderFirstSecret(row.privateJwk))) continue;
    await db
      .update(signingKeys)
      .set({ privateJwk: await sealer.seal(row.kid, jwk) })
      .where(eq(signingKeys.kid, row.kid));
    sealed++;
  }
  return { sealed, keys: rows.length };
}
