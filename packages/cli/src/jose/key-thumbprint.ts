import type { KeyObject } from "node:crypto";
import { calculateJwkThumbprint, exportJWK } from "jose";

/**
 * The RFC 7638 thumbprint of a public key: the `kid` that keygen writes into the JWK Set and that an
 * assertion carries by default, so the two always agree.
 */
export async function keyThumbprint(publicKey: CryptoKey | KeyObject): Promise<string> {
  return calculateJwkThumbprint(await exportJWK(publicKey));
}
