import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { get } from "node:https";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** A port nothing listens on once this resolves. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address !== null
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

export interface RunningProcess {
  readonly child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Sends SIGTERM and resolves the exit code. */
  stop(): Promise<number | null>;
}

export interface ProcessOptions {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd?: string;
  /** Polled until it answers below 500. */
  readonly readyUrl: string;
  /** The CA (PEM) to trust for an `https:` `readyUrl`. */
  readonly readyCa?: string;
  readonly timeoutMs?: number;
}

/** The status of a GET; over HTTPS trusting `ca`, which `fetch` cannot be told. */
function statusOf(url: string, ca: string | undefined): Promise<number> {
  if (ca === undefined) return fetch(url).then((response) => response.status);
  return new Promise((resolve, reject) => {
    get(url, { ca }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on("error", reject);
  });
}

/** Spawns a server process and waits until `readyUrl` answers; a process that exits first is an error. */
export async function startProcess(options: ProcessOptions): Promise<RunningProcess> {
  const [command = process.execPath, ...args] = options.argv;
  const child = spawn(command, args, {
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + (options.timeoutMs ?? 45_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}: ${output}`);
    try {
      if ((await statusOf(options.readyUrl, options.readyCa)) < 500) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`process did not become ready: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exit;
    },
  };
}

/** `workerd`: the Worker, served by miniflare (PostgreSQL only, migrated beforehand). */
export type RuntimeName = "node" | "bun" | "deno" | "workerd";

const appDir = fileURLToPath(new URL("../..", import.meta.url));
const bin = (name: string) => join(appDir, "node_modules", ".bin", name);
// The npm package's `deno` bin is a Node wrapper that would swallow SIGTERM: run the binary it installed.
const denoBinary = join(appDir, "node_modules", "deno", "deno");

const COMMANDS: Record<RuntimeName, readonly string[]> = {
  node: [process.execPath, "dist/node.js"],
  bun: [bin("bun"), "dist/bun.js"],
  deno: [existsSync(denoBinary) ? denoBinary : bin("deno"), "run", "--allow-all", "dist/deno.js"],
  workerd: [process.execPath, "dist/workerd.js"],
};

/** The command line that runs the built server on `runtime`, from the server's directory (`serverDir`). */
export const serverCommand = (runtime: RuntimeName): readonly string[] => COMMANDS[runtime];
export const serverDir = appDir;

export interface ServerOptions {
  readonly runtime?: RuntimeName;
  readonly dataDir: string;
  readonly adminToken: string;
  /**
   * More environment, over the defaults (embedded database with its own secrets file, issuer = the listening
   * URL, warnings only).
   */
  readonly env?: Readonly<Record<string, string>>;
  /** Serve HTTPS from these files; the readiness check trusts `ca` (PEM). */
  readonly tls?: { readonly certFile: string; readonly keyFile: string; readonly ca: string };
}

export interface RunningServer extends RunningProcess {
  readonly url: string;
}

/** Starts the built jwtgrant server as a child process on a free port and waits until `/healthz` answers. */
export async function startServerProcess(options: ServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const url = `${options.tls === undefined ? "http" : "https"}://127.0.0.1:${port}`;
  const running = await startProcess({
    argv: COMMANDS[options.runtime ?? "node"],
    cwd: appDir,
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      JWTGRANT_ISSUER: url,
      JWTGRANT_DATA_DIR: options.dataDir,
      JWTGRANT_ADMIN_TOKEN: options.adminToken,
      LOG_LEVEL: "warn",
      DATABASE_URL: "",
      JWTGRANT_SECRETS: "",
      ...(options.tls === undefined
        ? {}
        : { JWTGRANT_TLS_CERT_FILE: options.tls.certFile, JWTGRANT_TLS_KEY_FILE: options.tls.keyFile }),
      ...options.env,
    },
    readyUrl: `${url}/healthz`,
    ...(options.tls === undefined ? {} : { readyCa: options.tls.ca }),
  });
  return { ...running, url };
}
