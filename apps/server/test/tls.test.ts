import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { Agent, get } from "node:https";
import { join } from "node:path";
import type { TLSSocket } from "node:tls";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { serverCommand, serverDir } from "../src/testing/server-process.js";
import { createTestTls, type TestTls } from "../src/testing/test-tls.js";
import {
  exchange,
  partnerAssertion,
  refresh,
  registerPartner,
  verifyAccessToken,
} from "./support/classic-flow.js";
import { fetchTrusting } from "./support/https-fetch.js";
import { type RuntimeName, startServer, tempDataDir } from "./support/server-process.js";
import { eventually, mountSecret, peerFingerprint, tempTlsDir } from "./support/tls-files.js";

let first: TestTls;
let second: TestTls;
let third: TestTls;

beforeAll(async () => {
  [first, second, third] = await Promise.all([
    createTestTls("first"),
    createTestTls("second"),
    createTestTls("third"),
  ]);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/**
 * The fingerprint a new connection sees, or why it failed: on Bun and Deno a connection attempted during
 * the listener swap can be refused or reset (see the README), and polling simply tries again.
 */
const servedNow = (url: string) =>
  peerFingerprint(url).catch(
    (error: NodeJS.ErrnoException) => `no certificate: ${error.code ?? error.message}`,
  );

/** The JSON log lines the server printed with this `msg`. */
const logLines = (output: string, msg: string) =>
  output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.msg === msg);

describe.each<RuntimeName>(["node", "bun", "deno"])("HTTPS served by the server on %s", (runtime) => {
  it("exchanges tokens over HTTPS, and reloads a rotated certificate on file change and on SIGHUP", async () => {
    const mount = await mountSecret(first);
    const server = await startServer({
      runtime,
      dataDir: await tempDataDir(),
      tls: { certFile: mount.certFile, keyFile: mount.keyFile, ca: first.ca },
      env: { LOG_LEVEL: "info" },
    });
    try {
      expect(server.url).toMatch(/^https:/);
      expect(logLines(server.output(), "listening")).toEqual([expect.objectContaining({ url: server.url })]);
      // The chain is the leaf and its intermediate CA: trusting only the root proves the server sends both.
      vi.stubGlobal("fetch", fetchTrusting(first.ca));
      const client = await registerPartner(server.url);
      const tokens = await exchange(server.url, client, await partnerAssertion(server.url));
      expect((await verifyAccessToken(server.url, tokens.access_token)).sub).toBe("batch-job");
      expect((await refresh(server.url, client, tokens.refresh_token)).access_token).toEqual(
        expect.any(String),
      );
      expect(await peerFingerprint(server.url)).toBe(first.fingerprint);

      // cert-manager renews: Kubernetes swaps the secret's `..data` link.
      await mount.rotate(second);
      await eventually(
        () => servedNow(server.url),
        (seen) => seen === second.fingerprint,
      );
      vi.stubGlobal("fetch", fetchTrusting(second.ca));
      expect((await exchange(server.url, client, await partnerAssertion(server.url))).access_token).toEqual(
        expect.any(String),
      );

      // A replacement whose key is not the certificate's: one error line, and the current one stays.
      await mount.rotate({ cert: third.cert, key: second.key });
      const failed = await eventually(
        async () => logLines(server.output(), "tls reload failed, still serving the previous certificate"),
        (lines) => lines.length > 0,
      );
      expect(failed).toEqual([
        expect.objectContaining({
          level: "error",
          error: expect.stringMatching(/does not belong to the certificate/),
        }),
      ]);
      expect(await peerFingerprint(server.url)).toBe(second.fingerprint);

      // Written in place below the watched directory, so only SIGHUP tells the server.
      await writeFile(join(mount.current(), "tls.key"), third.key);
      server.child.kill("SIGHUP");
      await eventually(
        () => servedNow(server.url),
        (seen) => seen === third.fingerprint,
      );
      vi.stubGlobal("fetch", fetchTrusting(third.ca));
      expect((await exchange(server.url, client, await partnerAssertion(server.url))).access_token).toEqual(
        expect.any(String),
      );
      expect(logLines(server.output(), "tls certificate reloaded").map((line) => line.fingerprint)).toContain(
        third.fingerprint,
      );
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it("refuses to start with a key that is not the certificate's, in one line", async () => {
    const dir = await tempTlsDir();
    const certFile = join(dir, "tls.crt");
    const keyFile = join(dir, "tls.key");
    await writeFile(certFile, first.cert);
    await writeFile(keyFile, second.key);
    const [command = "", ...args] = serverCommand(runtime);
    const result = spawnSync(command, args, {
      cwd: serverDir,
      env: {
        ...process.env,
        PORT: "0",
        JWTGRANT_DATA_DIR: await tempDataDir(),
        JWTGRANT_TLS_CERT_FILE: certFile,
        JWTGRANT_TLS_KEY_FILE: keyFile,
      },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      `jwtgrant: invalid configuration: JWTGRANT_TLS_KEY_FILE: the key in "${keyFile}" does not belong to the certificate in "${certFile}"`,
    ]);
  });
});

describe("HTTPS on node", () => {
  it("reloads the certificate in place: a keep-alive connection opened before goes on after", async () => {
    const mount = await mountSecret(first);
    const server = await startServer({
      runtime: "node",
      dataDir: await tempDataDir(),
      tls: { certFile: mount.certFile, keyFile: mount.keyFile, ca: first.ca },
    });
    const agent = new Agent({ keepAlive: true, maxSockets: 1, ca: [first.ca, second.ca] });
    const healthz = () =>
      new Promise<{ status: number | undefined; reused: boolean; local: number | undefined; peer: string }>(
        (resolve, reject) => {
          const request = get(`${server.url}/healthz`, { agent }, (response) => {
            response.resume();
            response.on("end", () =>
              resolve({
                status: response.statusCode,
                reused: request.reusedSocket,
                local: request.socket?.localPort,
                peer: (request.socket as TLSSocket).getPeerCertificate().fingerprint256,
              }),
            );
          });
          request.on("error", reject);
        },
      );
    try {
      const before = await healthz();
      expect(before).toMatchObject({ status: 200, reused: false, peer: first.fingerprint });
      await mount.rotate(second);
      await eventually(
        () => servedNow(server.url),
        (seen) => seen === second.fingerprint,
      );
      expect(await healthz()).toEqual({ ...before, reused: true });
    } finally {
      agent.destroy();
      expect(await server.stop()).toBe(0);
    }
  });
});
