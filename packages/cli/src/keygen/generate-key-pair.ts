import type { SigningAlgorithm } from "@jwtgrant/core";
import { generateKeyPair } from "jose";

/** Extractable, so that the private key can be written out as PKCS#8 and the public one as a JWK. */
export async function generateSigningKeyPair(alg: SigningAlgorithm): Promise<CryptoKeyPair> {
  return generateKeyPair(alg, { extractable: true, ...(alg === "RS256" ? { modulusLength: 2048 } : {}) });
}
