import type { TrustedIssuer } from "../domain/trusted-issuer.js";

/** Persistence of trusted issuers. `issuer` (the `iss` value) is unique; `id` is the primary key. */
export interface TrustedIssuerStore {
  /** The issuer whose `iss` value is exactly `issuer`, enabled or not; `null` if none. */
  findByIssuer(issuer: string): Promise<TrustedIssuer | null>;
  findById(id: string): Promise<TrustedIssuer | null>;
  /** Every issuer, ordered by creation time. */
  list(): Promise<TrustedIssuer[]>;
  /** Inserts; `"duplicate"` when another record already has the same `issuer` or `id`. */
  insert(issuer: TrustedIssuer): Promise<"inserted" | "duplicate">;
  /** Replaces the record with the same `id`; `"duplicate"` when its new `issuer` belongs to another record. */
  update(issuer: TrustedIssuer): Promise<"updated" | "not_found" | "duplicate">;
  /** Removes the record; `false` if there was none. */
  delete(id: string): Promise<boolean>;
}
