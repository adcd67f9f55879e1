import autocannon from "autocannon";
import { cpuSeconds } from "./process-cpu.js";

export interface LoadOptions {
  readonly url: string;
  readonly authorization: string;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly nextBody: () => string;
  readonly serverPid: number;
}

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
  /** Share of one core the server used while loaded; `null` without /proc. */
  readonly serverCpu: number | null;
}

/** Drives the token endpoint with distinct assertions for a fixed duration (autocannon's library API). */
export async function loadTokenEndpoint(options: LoadOptions): Promise<LoadResult> {
  const cpuBefore = cpuSeconds(options.serverPid);
  const started = performance.now();
  const result = await autocannon({
    url: options.url,
    method: "POST",
    connections: options.connections,
    duration: options.durationSeconds,
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: options.authorization },
    requests: [{ setupRequest: (request) => ({ ...request, body: options.nextBody() }) }],
  });
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = cpuSeconds(options.serverPid);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    serverCpu: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / elapsed,
  };
}
