import { writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createTestTls, type TestTls } from "@jwtgrant/server/testing/tls";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult, failureLine, runCli } from "./support/run-cli.js";
import { ADMIN_TOKEN, type RunningServer, startServer, tempDir } from "./support/server-process.js";

let server: RunningServer;
let tls: TestTls;
let work: string;
let caFile: string;
let otherCaFile: string;

beforeAll(async () => {
  const [serverTls, otherTls, dataDir] = await Promise.all([
    createTestTls("server"),
    createTestTls("other"),
    tempDir("tls-data"),
  ]);
  tls = serverTls;
  work = await tempDir("tls");
  caFile = join(work, "ca.pem");
  otherCaFile = join(work, "other-ca.pem");
  const certFile = join(work, "tls.crt");
  const keyFile = join(work, "tls.key");
  await Promise.all([
    writeFile(caFile, tls.ca),
    writeFile(otherCaFile, otherTls.ca),
    writeFile(certFile, tls.cert),
    writeFile(keyFile, tls.key),
  ]);
  server = await startServer(dataDir, { tls: { certFile, keyFile, ca: tls.ca } });
});

afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

const admin = (...trust: string[]) => ["--url", server.url, "--admin-token", ADMIN_TOKEN, "--json", ...trust];

function json(result: CliResult): Record<string, unknown> {
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe("the CLI against a server over HTTPS", () => {
  it("runs the admin commands and the token exchange trusting the server's CA with --cacert", async () => {
    expect(server.url).toMatch(/^https:/);
    const issuer = "https://partner.example.com";
    const keys = join(work, "partner");
    json(await runCli(["keygen", "--alg", "ES256", "--out", keys, "--json"]));
    json(
      await runCli([
        "issuers",
        "add",
        "--issuer",
        issuer,
        "--certificate",
        join(keys, "certificate.pem"),
        ...admin("--cacert", caFile),
      ]),
    );
    const client = json(
      await runCli(["clients", "add", "--grant-types", "jwt-bearer", ...admin("--cacert", caFile)]),
    );
    const assertion = await runCli([
      "assertion",
      "--key",
      join(keys, "private-key.pem"),
      "--iss",
      issuer,
      "--sub",
      "alice",
      "--aud",
      `${server.url}/oauth2/token`,
    ]);
    const issued = json(
      await runCli([
        "token",
        "--url",
        server.url,
        "--cacert",
        caFile,
        "--client-id",
        String(client.client_id),
        "--client-secret",
        String(client.client_secret),
        "--assertion",
        assertion.stdout.trim(),
        "--json",
      ]),
    );
    expect(issued).toStrictEqual({
      access_token: expect.any(String),
      token_type: "Bearer",
      expires_in: 3600,
    });
    expect(decodeJwt(String(issued.access_token))).toMatchObject({
      iss: server.url,
      sub: "alice",
      client_id: client.client_id,
      assertion_iss: issuer,
    });
  });

  it("takes the CA file from JWTGRANT_CACERT", async () => {
    const result = await runCli(["issuers", "list", ...admin()], { env: { JWTGRANT_CACERT: caFile } });
    expect(json(result)).toMatchObject({
      items: [expect.objectContaining({ issuer: "https://partner.example.com" })],
    });
  });

  it.each([
    ["without --cacert", (): string[] => []],
    ["with another CA", (): string[] => ["--cacert", otherCaFile]],
  ])("refuses a server it cannot trust %s, in one line that says what to do", async (_name, trust) => {
    const result = await runCli(["issuers", "list", ...admin(...trust())]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(failureLine(result)).toMatch(
      new RegExp(
        `^jwtgrant: the server at ${server.url} has a certificate that is not trusted here \\([A-Z_]+\\): trust its CA with --cacert FILE, or skip the check with --insecure$`,
      ),
    );
  });

  it("skips the check with --insecure, and warns once on stderr", async () => {
    for (const command of [
      ["issuers", "list", ...admin("--insecure")],
      ["keys", "list", ...admin("--insecure")],
    ]) {
      const result = await runCli(command);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("jwtgrant: warning: --insecure: the server's certificate is not checked\n");
      expect(JSON.parse(result.stdout)).toBeTypeOf("object");
    }
    const token = await runCli([
      "token",
      "--url",
      server.url,
      "--insecure",
      "--client-id",
      "nobody",
      "--client-secret",
      "wrong",
      "--refresh-token",
      "r",
    ]);
    expect(token.code).toBe(1);
    expect(token.stderr.split("\n").filter((line) => line !== "")).toEqual([
      "jwtgrant: warning: --insecure: the server's certificate is not checked",
      expect.stringMatching(/^jwtgrant: invalid_client/),
    ]);
  });

  it("refuses a --cacert that cannot be read or holds no certificate, as a usage error", async () => {
    const missing = await runCli(["issuers", "list", ...admin("--cacert", join(work, "missing.pem"))]);
    expect(missing.code).toBe(2);
    expect(failureLine(missing)).toMatch(/--cacert <file>.+cannot read .+missing\.pem: no such file/);
    const notPem = join(work, "not-pem.txt");
    await writeFile(notPem, tls.key);
    const wrong = await runCli(["issuers", "list", ...admin("--cacert", notPem)]);
    expect(wrong.code).toBe(2);
    expect(failureLine(wrong)).toMatch(/--cacert <file>.+not-pem\.txt holds no PEM certificate/);
  });

  it("says so when an https URL reaches a server that does not speak TLS", async () => {
    const plain = createServer((_request, response) => response.end("{}"));
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    const url = `https://127.0.0.1:${(plain.address() as AddressInfo).port}`;
    try {
      const result = await runCli(["issuers", "list", "--url", url, "--admin-token", ADMIN_TOKEN]);
      expect(result.code).toBe(1);
      expect(failureLine(result)).toBe(
        `jwtgrant: the server at ${url} does not speak TLS (is it an http: URL?)`,
      );
    } finally {
      plain.close();
    }
  });
});
