import { base64url, type CryptoKey, exportJWK, generateKeyPair, importPKCS8 } from "jose";
import type { AsymmetricAlgorithm } from "../domain/algorithms.js";
import type { PublicJwk } from "../domain/jwk.js";
import { parsePublicJwk } from "../keys/parse-public-jwk.js";

/** A key pair an issuer (or a private_key_jwt client) in a test signs with. */
export interface TestKey {
  readonly alg: AsymmetricAlgorithm;
  readonly privateKey: CryptoKey;
  /** The public half as a JWK, with `kid` when one was given. */
  readonly publicJwk: PublicJwk;
}

/** The public JWK of a key pair, exported from either half: private members are left out. */
async function publicJwkOf(key: CryptoKey, kid: string | undefined): Promise<PublicJwk> {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...members } = await exportJWK(key);
  const parsed = parsePublicJwk({ ...members, ...(kid === undefined ? {} : { kid }) });
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.key;
}

const CURVES: Partial<Record<AsymmetricAlgorithm, string>> = { EdDSA: "Ed25519" };

/** A fresh key pair for `alg`; RSA keys have 2048 bits. */
export async function generateTestKey(alg: AsymmetricAlgorithm, kid?: string): Promise<TestKey> {
  const crv = CURVES[alg];
  const { privateKey, publicKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(crv === undefined ? {} : { crv }),
  });
  return { alg, privateKey, publicJwk: await publicJwkOf(publicKey, kid) };
}

/** A test key from a PKCS#8 PEM private key (e.g. the key of a test certificate); its public JWK is derived. */
export async function importTestKey(alg: AsymmetricAlgorithm, pkcs8: string, kid?: string): Promise<TestKey> {
  const privateKey = await importPKCS8(pkcs8, alg, { extractable: true });
  return { alg, privateKey, publicJwk: await publicJwkOf(privateKey, kid) };
}

/**
 * An RS256 key pair whose modulus has only `modulusBits` bits, for tests that it is refused. Its public JWK
 * is not checked; `leadingZeroBytes` zero octets are prefixed to `n`, which pads the text of a short modulus
 * to the length of a long one.
 */
export async function generateShortRsaTestKey(modulusBits: number, leadingZeroBytes = 0): Promise<TestKey> {
  const { privateKey, publicKey } = await crypto.subtle.generateKey(
    {
      name: "RSASSA-PKCS1-v1_5",
      modulusLength: modulusBits,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: "SHA-256",
    },
    true,
    ["sign", "verify"],
  );
  const { n = "", e = "" } = await crypto.subtle.exportKey("jwk", publicKey);
  const modulus = base64url.decode(n);
  const padded = new Uint8Array(leadingZeroBytes + modulus.length);
  padded.set(modulus, leadingZeroBytes);
  return { alg: "RS256", privateKey, publicJwk: { kty: "RSA", n: base64url.encode(padded), e } };
}
