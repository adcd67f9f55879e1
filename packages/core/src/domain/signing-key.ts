import type { SigningAlgorithm } from "./algorithms.js";
import type { PrivateJwk, PublicJwk } from "./jwk.js";

/**
 * One of the server's own signing keys. Exactly one is `active` (it signs new tokens); `retired` keys stay
 * published in the JWKS until `publishUntil`, when every token they signed has expired.
 */
export interface SigningKey {
  readonly kid: string;
  readonly alg: SigningAlgorithm;
  readonly privateJwk: PrivateJwk;
  readonly publicJwk: PublicJwk;
  readonly status: "active" | "retired";
  readonly createdAt: Date;
  readonly publishUntil: Date | null;
}
