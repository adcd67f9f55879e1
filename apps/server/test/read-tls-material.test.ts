import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "../src/config/config-error.js";
import { createTestTls, type TestTls } from "../src/testing/test-tls.js";
import { readTlsMaterial } from "../src/tls/read-tls-material.js";
import { tempTlsDir } from "./support/tls-files.js";

let first: TestTls;
let second: TestTls;
let dir: string;

beforeAll(async () => {
  [first, second, dir] = await Promise.all([createTestTls("first"), createTestTls("second"), tempTlsDir()]);
});

async function files(cert: string, key: string) {
  const certFile = join(dir, `${crypto.randomUUID()}.crt`);
  const keyFile = join(dir, `${crypto.randomUUID()}.key`);
  await Promise.all([writeFile(certFile, cert), writeFile(keyFile, key)]);
  return { certFile, keyFile };
}

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("no ConfigError");
}

describe("reading the TLS certificate and key", () => {
  it("keeps the whole chain and only the PEM blocks, and reports the leaf", async () => {
    const pair = await files(
      `subject=CN = localhost\n${first.cert}trailing text\n`,
      `# a comment\n${first.key}`,
    );
    const material = readTlsMaterial(pair);
    expect(material.cert.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(2);
    expect(material.cert).not.toMatch(/subject=|trailing/);
    expect(material.key).toBe(first.key);
    expect(material.fingerprint).toBe(first.fingerprint);
    expect(Date.parse(material.notAfter)).toBeGreaterThan(Date.now());
  });

  it("refuses a key that belongs to another certificate, naming both files", async () => {
    const pair = await files(first.cert, second.key);
    expect(failure(() => readTlsMaterial(pair))).toBe(
      `JWTGRANT_TLS_KEY_FILE: the key in "${pair.keyFile}" does not belong to the certificate in "${pair.certFile}"`,
    );
  });

  it.each([
    [
      "a certificate file with no certificate",
      () => files(first.key, first.key),
      /^JWTGRANT_TLS_CERT_FILE: ".+" holds no PEM certificate$/,
    ],
    [
      "a key file with no key",
      () => files(first.cert, first.cert),
      /^JWTGRANT_TLS_KEY_FILE: ".+" holds no PEM private key$/,
    ],
    [
      "a damaged certificate",
      () => files(first.cert.replace(/^(-----BEGIN CERTIFICATE-----\n)..../, "$1AAAA"), first.key),
      /^JWTGRANT_TLS_CERT_FILE: certificate 1 in ".+" is not valid: /,
    ],
    [
      "an encrypted key",
      () => files(first.cert, first.key.replaceAll("PRIVATE KEY", "ENCRYPTED PRIVATE KEY")),
      /^JWTGRANT_TLS_KEY_FILE: the key in ".+" is encrypted; give it unencrypted$/,
    ],
    [
      "a damaged key",
      () => files(first.cert, first.key.replace(/^(-----BEGIN PRIVATE KEY-----\n)..../, "$1AAAA")),
      /^JWTGRANT_TLS_KEY_FILE: the key in ".+" is not valid: /,
    ],
  ])("refuses %s in one line naming the variable", async (_name, make, message) => {
    const pair = await make();
    const text = failure(() => readTlsMaterial(pair));
    expect(text).toMatch(message);
    expect(text).not.toContain("\n");
  });

  it("refuses a file it cannot read", async () => {
    const pair = await files(first.cert, first.key);
    const missing = join(dir, "missing.crt");
    expect(failure(() => readTlsMaterial({ ...pair, certFile: missing }))).toBe(
      `JWTGRANT_TLS_CERT_FILE: cannot read "${missing}" (ENOENT)`,
    );
  });
});
