import { eq } from "drizzle-orm";
import type { Database } from "./database.js";
import { signingKeys } from "./schema.js";
import type { PrivateJwkSealer } from "./sealed-private-jwk.js";

export interface SealSigningKeysResult {
  /** Keys sealed by this call: rows in clear, or sealed under a secret other than the first. */
  readonly sealed: number;
  /** Every key in the table, each of which opened. */
  readonly keys: number;
}

/**
 * Seals every signing key under the keyring's first secret, leaving alone those already sealed under it, and
 * opens every key on the way, so that a key no configured secret opens is found now rather than when it
 * signs. The caller holds the migration lock: two of these never interleave.
 */
export async function sealSigningKeys(
  db: Database,
  sealer: PrivateJwkSealer,
): Promise<SealSigningKeysResult> {
  const rows = await db
    .select({ kid: signingKeys.kid, privateJwk: signingKeys.privateJwk })
    .from(signingKeys)
    .orderBy(signingKeys.kid);
  let sealed = 0;
  for (const row of rows) {
    const jwk = await sealer.open(row.kid, row.privateJwk);
    if (sealer.isSealedUnderFirstSecret(row.privateJwk)) continue;
    await db
      .update(signingKeys)
      .set({ privateJwk: await sealer.seal(row.kid, jwk) })
      .where(eq(signingKeys.kid, row.kid));
    sealed++;
  }
  return { sealed, keys: rows.length };
}
