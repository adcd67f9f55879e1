import { calculateJwkThumbprint, exportJWK, generateKeyPair } from "jose";
import type { SigningAlgorithm } from "../domain/algorithms.js";
import type { PrivateJwk, PublicJwk } from "../domain/jwk.js";
import type { SigningKey } from "../domain/signing-key.js";
import { parsePublicJwk } from "../keys/parse-public-jwk.js";

/** A fresh signing key of `alg`, identified by its RFC 7638 thumbprint. */
export async function generateSigningKey(alg: SigningAlgorithm, now: Date): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(alg === "RS256" ? { modulusLength: 2048 } : {}),
    ...(alg === "EdDSA" ? { crv: "Ed25519" } : {}),
  });
  const parsed = parsePublicJwk(await exportJWK(publicKey));
  if (!parsed.ok) throw new Error(`generated key is unusable: ${parsed.problem}`);
  const { key_ops: _ops, ...members } = parsed.key;
  const kid = await calculateJwkThumbprint(members, "sha256");
  const publicJwk: PublicJwk = { ...parsed.key, kid, alg, use: "sig" };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg } as PrivateJwk;
  return { kid, alg, privateJwk, publicJwk, status: "active", createdAt: now, publishUntil: null };
}
