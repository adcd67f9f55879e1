import type { AsymmetricAlgorithm } from "../domain/algorithms.js";
import type { PublicJwk } from "../domain/jwk.js";
import type { KeySource } from "../domain/trusted-issuer.js";
import { invalidGrant } from "../errors/oauth-error.js";
import { keyAcceptsAlgorithm } from "../keys/key-algorithm-compatibility.js";
import type { KeyResolver } from "../keys/key-resolver.js";
import type { CompactJws, JwsCrypto } from "../ports/jws-crypto.js";
import type { CheckedHeader } from "./check-jws-header.js";

export interface SignatureVerification {
  readonly crypto: JwsCrypto;
  readonly keys: KeyResolver;
}

/**
 * The keys that may verify a signature: those fitting `alg`, then those whose `kid` equals the header's,
 * or, when none does, those without a `kid` (a certificate's key has none).
 */
function candidateKeys(
  keys: readonly PublicJwk[],
  header: CheckedHeader,
  allowed: readonly AsymmetricAlgorithm[] | null,
): PublicJwk[] {
  const fitting = keys.filter((key) => keyAcceptsAlgorithm(key, header.alg, allowed));
  if (header.kid === undefined) return fitting;
  const exact = fitting.filter((key) => key.kid === header.kid);
  return exact.length > 0 ? exact : fitting.filter((key) => key.kid === undefined);
}

/** The longest `kid` quoted back to the caller; it is the caller's own value, kept short. */
const MAX_QUOTED_KID_LENGTH = 64;

/** What was looked for, in words the sender of the assertion can act on. */
function noKeyDescription({ kid, alg }: CheckedHeader): string {
  if (kid === undefined) {
    return `no key of the issuer fits alg ${alg}; the assertion has no kid, so the issuer's keys were matched by type and alg`;
  }
  const quoted = JSON.stringify(
    kid.length > MAX_QUOTED_KID_LENGTH ? `${kid.slice(0, MAX_QUOTED_KID_LENGTH)}…` : kid,
  );
  return `no key of the issuer has kid ${quoted} and fits alg ${alg}`;
}

/** Verifies the signature with the key source's own keys, refetching a JWKS URI at most once for a new `kid`. */
export async function verifyJwsSignature(
  deps: SignatureVerification,
  parts: CompactJws,
  header: CheckedHeader,
  source: KeySource,
  allowed: readonly AsymmetricAlgorithm[] | null,
): Promise<void> {
  let candidates = candidateKeys(await deps.keys.keysOf(source), header, allowed);
  if (candidates.length === 0 && header.kid !== undefined) {
    const refreshed = await deps.keys.refreshedKeysOf(source);
    if (refreshed !== null) candidates = candidateKeys(refreshed, header, allowed);
  }
  if (candidates.length === 0) {
    throw invalidGrant(noKeyDescription(header), {
      reason: "unknown_key",
      detail: `kid ${JSON.stringify(header.kid)}, alg ${header.alg}`,
    });
  }
  for (const key of candidates) {
    if (await deps.crypto.verify(parts, header.alg, key)) return;
  }
  throw invalidGrant("the assertion's signature does not verify", { reason: "bad_signature" });
}
