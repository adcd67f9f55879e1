// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata polyfill first.
import "reflect-metadata";
import { randomBytes } from "node:crypto";
import type { SigningAlgorithm } from "@jwtgrant/core";
import * as x509 from "@peculiar/x509";

x509.cryptoProvider.set(globalThis.crypto);

const SIGNATURE_ALGORITHMS: Readonly<Record<SigningAlgorithm, Algorithm | EcdsaParams>> = {
  ES256: { name: "ECDSA", hash: "SHA-256" },
  RS256: { name: "RSASSA-PKCS1-v1_5" },
  EdDSA: { name: "Ed25519" },
};

const DAY_MS = 86_400_000;

export interface SelfSignedCertificateOptions {
  readonly keys: CryptoKeyPair;
  readonly alg: SigningAlgorithm;
  /** The subject's (and so the issuer's) common name. */
  readonly commonName: string;
  readonly validityDays: number;
  readonly now: Date;
}

export interface SelfSignedCertificate {
  readonly pem: string;
  readonly notAfter: Date;
}

/** A self-signed X.509 certificate of the key pair: the public certificate an operator registers for an issuer. */
export async function createSelfSignedCertificate(
  options: SelfSignedCertificateOptions,
): Promise<SelfSignedCertificate> {
  // RFC 5280 §4.1.2.2: a positive serial of at most 20 octets; 16 random ones keep serials unique.
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const notAfter = new Date(options.now.getTime() + options.validityDays * DAY_MS);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial.toString("hex"),
    // The JSON form, so that a common name with commas or equals signs stays one attribute.
    name: [{ CN: [options.commonName] }],
    notBefore: options.now,
    notAfter,
    signingAlgorithm: SIGNATURE_ALGORITHMS[options.alg],
    keys: options.keys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      await x509.SubjectKeyIdentifierExtension.create(options.keys.publicKey),
    ],
  });
  return { pem: `${certificate.toString("pem")}\n`, notAfter };
}
