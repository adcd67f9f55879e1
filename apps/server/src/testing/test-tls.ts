// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata polyfill first.
import "reflect-metadata";
import { type webcrypto, X509Certificate } from "node:crypto";
import * as x509 from "@peculiar/x509";

x509.cryptoProvider.set(globalThis.crypto);

const EC_P256 = { name: "ECDSA", namedCurve: "P-256" } as const;
const ECDSA_SHA256 = { name: "ECDSA", hash: "SHA-256" } as const;
const DAY_MS = 86_400_000;

/** A server certificate for 127.0.0.1 and localhost, under a root CA of its own. Test material only. */
export interface TestTls {
  /** The root CA's certificate: what a client trusts (`--cacert`, `ca`). */
  readonly ca: string;
  /** The chain a server presents: the leaf, then the intermediate CA that signed it. */
  readonly cert: string;
  /** The leaf's private key, PKCS#8 PEM. */
  readonly key: string;
  /** The leaf's SHA-256 fingerprint, as `tls.TLSSocket#getPeerCertificate().fingerprint256` gives it. */
  readonly fingerprint: string;
}

const generateKeys = () => crypto.subtle.generateKey(EC_P256, true, ["sign", "verify"]);

async function caCertificate(
  name: string,
  keys: webcrypto.CryptoKeyPair,
  issuer: { name: string; keys: webcrypto.CryptoKeyPair } | undefined,
): Promise<x509.X509Certificate> {
  const now = Date.now();
  return x509.X509CertificateGenerator.create({
    subject: `CN=${name}`,
    issuer: `CN=${issuer?.name ?? name}`,
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + 30 * DAY_MS),
    signingAlgorithm: ECDSA_SHA256,
    publicKey: keys.publicKey,
    signingKey: (issuer?.keys ?? keys).privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(true, issuer === undefined ? 1 : 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create((issuer?.keys ?? keys).publicKey),
    ],
  });
}

/** A fresh root CA, intermediate CA and leaf (ECDSA P-256), valid from yesterday for 30 days. */
export async function createTestTls(name = "jwtgrant test"): Promise<TestTls> {
  const [rootKeys, intermediateKeys, leafKeys] = await Promise.all([
    generateKeys(),
    generateKeys(),
    generateKeys(),
  ]);
  const root = { name: `${name} root CA`, keys: rootKeys };
  const intermediate = { name: `${name} intermediate CA`, keys: intermediateKeys };
  const rootCertificate = await caCertificate(root.name, root.keys, undefined);
  const intermediateCertificate = await caCertificate(intermediate.name, intermediate.keys, root);
  const now = Date.now();
  const leaf = await x509.X509CertificateGenerator.create({
    subject: "CN=localhost",
    issuer: `CN=${intermediate.name}`,
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + 30 * DAY_MS),
    signingAlgorithm: ECDSA_SHA256,
    publicKey: leafKeys.publicKey,
    signingKey: intermediate.keys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: "dns", value: "localhost" },
        { type: "ip", value: "127.0.0.1" },
      ]),
      await x509.SubjectKeyIdentifierExtension.create(leafKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(intermediate.keys.publicKey),
    ],
  });
  const pkcs8 = Buffer.from(await crypto.subtle.exportKey("pkcs8", leafKeys.privateKey)).toString("base64");
  const leafPem = leaf.toString("pem");
  return {
    ca: `${rootCertificate.toString("pem")}\n`,
    cert: `${leafPem}\n${intermediateCertificate.toString("pem")}\n`,
    key: `-----BEGIN PRIVATE KEY-----\n${pkcs8.replace(/.{1,64}/g, "$&\n")}-----END PRIVATE KEY-----\n`,
    fingerprint: new X509Certificate(leafPem).fingerprint256,
  };
}
