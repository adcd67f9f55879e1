import type { AsymmetricAlgorithm } from "../domain/algorithms.js";
import type { PublicJwk } from "../domain/jwk.js";
import { keyAcceptsAlgorithm } from "../keys/key-algorithm-compatibility.js";
import { fieldError } from "./field-error.js";

/** Which field of the request the misfit is reported on, and so how it is worded. */
export type AlgorithmFitField = "algorithms" | "certificate" | "certificates" | "jwks";

/**
 * Every algorithm of an explicit allow-list must be verifiable by at least one of the issuer's keys, exactly
 * as the token endpoint picks keys; an algorithm no key accepts would only refuse assertions later, for a
 * reason the operator cannot see at save time. Without an explicit list the keys imply the algorithms, which
 * fit by construction. `keys` is `null` for a JWKS URI or discovery: its keys are not known before they are
 * fetched, so it is not checked here (an assertion whose `alg` no fetched key accepts is refused as
 * `unknown_key`).
 */
export function checkAlgorithmFit(
  algorithms: readonly AsymmetricAlgorithm[] | null,
  keys: readonly PublicJwk[] | null,
  field: AlgorithmFitField,
): void {
  if (algorithms === null || keys === null) return;
  const misfit = algorithms.find((alg) => !keys.some((key) => keyAcceptsAlgorithm(key, alg, algorithms)));
  if (misfit === undefined) return;
  throw field === "algorithms"
    ? fieldError("algorithms", `${misfit} is verifiable by none of the issuer's keys`)
    : fieldError(
        field,
        `no key verifies ${misfit}, which the issuer's algorithms allow; change algorithms in the same request`,
      );
}
