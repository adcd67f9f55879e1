import { createPrivateKey, type KeyObject, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { ConfigError } from "../config/config-error.js";

/** Where the server's certificate chain and private key are, as `JWTGRANT_TLS_CERT_FILE` and `…_KEY_FILE` say. */
export interface TlsFiles {
  readonly certFile: string;
  readonly keyFile: string;
}

/** A validated certificate chain and its private key, in PEM, ready for any runtime's TLS server. */
export interface TlsMaterial {
  /** The leaf certificate first, then the intermediates, as PEM blocks and nothing else. */
  readonly cert: string;
  /** The one private key block. */
  readonly key: string;
  /** The leaf's SHA-256 fingerprint, for the logs. */
  readonly fingerprint: string;
  /** The leaf's expiry, ISO 8601. */
  readonly notAfter: string;
}

const CERT_VARIABLE = "JWTGRANT_TLS_CERT_FILE";
const KEY_VARIABLE = "JWTGRANT_TLS_KEY_FILE";

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const KEY_BLOCK = /-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----[\s\S]+?-----END \1-----/;

function read(variable: string, path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : String(error);
    throw new ConfigError(`${variable}: cannot read "${path}" (${code})`);
  }
}

function reason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, " ");
}

function parseChain(path: string, text: string): { pem: string; leaf: X509Certificate } {
  // Only the blocks: runtimes differ on what they tolerate around them (openssl's text dump, bag attributes).
  const blocks = text.match(CERTIFICATE_BLOCK) ?? [];
  const certificates = blocks.map((block, index) => {
    try {
      return new X509Certificate(block);
    } catch (error) {
      throw new ConfigError(
        `${CERT_VARIABLE}: certificate ${index + 1} in "${path}" is not valid: ${reason(error)}`,
      );
    }
  });
  const [leaf] = certificates;
  if (leaf === undefined) throw new ConfigError(`${CERT_VARIABLE}: "${path}" holds no PEM certificate`);
  return { pem: `${blocks.join("\n")}\n`, leaf };
}

function parseKey(path: string, text: string): { pem: string; key: KeyObject } {
  const match = KEY_BLOCK.exec(text);
  if (match === null) throw new ConfigError(`${KEY_VARIABLE}: "${path}" holds no PEM private key`);
  if (match[1] === "ENCRYPTED PRIVATE KEY") {
    throw new ConfigError(`${KEY_VARIABLE}: the key in "${path}" is encrypted; give it unencrypted`);
  }
  try {
    return { pem: `${match[0]}\n`, key: createPrivateKey(match[0]) };
  } catch (error) {
    throw new ConfigError(`${KEY_VARIABLE}: the key in "${path}" is not valid: ${reason(error)}`);
  }
}

/**
 * Reads and checks the certificate chain and its key: every certificate parses, the key is one unencrypted
 * private key, and it belongs to the first (leaf) certificate. Any fault is a `ConfigError` of one line
 * naming the variable, so that a bad pair stops the start-up, and a bad replacement is refused before it
 * reaches a listener. The same checks on Node, Bun and Deno, whose TLS stacks word their errors differently.
 */
export function readTlsMaterial(files: TlsFiles): TlsMaterial {
  const chain = parseChain(files.certFile, read(CERT_VARIABLE, files.certFile));
  const key = parseKey(files.keyFile, read(KEY_VARIABLE, files.keyFile));
  if (!chain.leaf.checkPrivateKey(key.key)) {
    throw new ConfigError(
      `${KEY_VARIABLE}: the key in "${files.keyFile}" does not belong to the certificate in "${files.certFile}"`,
    );
  }
  return {
    cert: chain.pem,
    key: key.pem,
    fingerprint: chain.leaf.fingerprint256,
    notAfter: new Date(chain.leaf.validTo).toISOString(),
  };
}
