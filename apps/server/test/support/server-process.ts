import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export type RuntimeName = "node" | "bun" | "deno";

const appDir = fileURLToPath(new URL("../..", import.meta.url));
const bin = (name: string) => join(appDir, "node_modules", ".bin", name);

// The npm package's `deno` bin is a Node wrapper that would swallow SIGTERM: run the binary it installed.
const denoBinary = join(appDir, "node_modules", "deno", "deno");

const COMMANDS: Record<RuntimeName, readonly string[]> = {
  node: [process.execPath, "dist/node.js"],
  bun: [bin("bun"), "dist/bun.js"],
  deno: [existsSync(denoBinary) ? denoBinary : bin("deno"), "run", "--allow-all", "dist/deno.js"],
};

export const ADMIN_TOKEN = "e2e-admin-token-0123456789abcdef0123";

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

export const tempDataDir = () => mkdtemp(join(tmpdir(), "jwtgrant-e2e-"));

export interface RunningServer {
  readonly url: string;
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Sends SIGTERM and resolves the exit code. */
  stop(): Promise<number | null>;
}

export interface StartOptions {
  readonly runtime?: RuntimeName;
  readonly dataDir: string;
  readonly env?: Record<string, string>;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
}

/** Starts the built server as a child process on a free port and waits until `/healthz` answers. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const [command, ...args] = COMMANDS[options.runtime ?? "node"];
  const child = spawn(command ?? "node", args, {
    cwd: appDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      JWTGRANT_ISSUER: url,
      JWTGRANT_DATA_DIR: options.dataDir,
      JWTGRANT_ADMIN_TOKEN: ADMIN_TOKEN,
      LOG_LEVEL: "warn",
      DATABASE_URL: "",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exit = exited(child);
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not become healthy: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    output: () => output,
    async stop() {
      child.kill("SIGTERM");
      return exit;
    },
  };
}
