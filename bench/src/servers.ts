import type { ChildProcess } from "node:child_process";
import { startProcess } from "@jwtgrant/server/testing";
import { pinned } from "./machine.js";

export { freePort } from "@jwtgrant/server/testing";

export interface BenchServer {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<unknown>;
}

/** Starts a server process on core 0 (when pinning works) and waits until `readyPath` answers. */
export async function startPinned(
  name: string,
  argv: readonly string[],
  env: Record<string, string>,
  port: number,
  readyPath: string,
  pinning: boolean,
): Promise<BenchServer> {
  const url = `http://127.0.0.1:${port}`;
  const running = await startProcess({
    argv: pinned(0, argv, pinning),
    env: { ...env, PORT: String(port) },
    readyUrl: `${url}${readyPath}`,
    timeoutMs: 60_000,
  }).catch((error: unknown) => {
    throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  });
  return { name, url, child: running.child, stop: () => running.stop() };
}
