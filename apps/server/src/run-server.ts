import process from "node:process";
import { type JwsCrypto, redactUrlUserinfo } from "@jwtgrant/core";
import { generatedTokenNotice } from "./admin-token.js";
import { composeServer } from "./compose-server.js";
import { ConfigError } from "./config/config-error.js";
import { readEnvironment } from "./config/read-environment.js";
import { readServerConfig } from "./config/server-config.js";
import { createJsonLogger } from "./json-logger.js";
import { secretsFile } from "./key-encryption-secrets.js";

export type FetchHandler = (request: Request, env?: unknown) => Response | Promise<Response>;

/** A listening HTTP server of one runtime. */
export interface RuntimeServer {
  readonly port: number;
  /** Stops accepting, lets in-flight requests finish for at most `graceMs`, then drops the rest. */
  stop(graceMs: number): Promise<void>;
}

/** What differs between Node, Bun and Deno: only how to serve HTTP, and which crypto is fastest there. */
export interface Runtime {
  readonly name: "node" | "bun" | "deno";
  serve(fetch: FetchHandler, address: { port: number; host: string }): Promise<RuntimeServer>;
  readonly crypto?: JwsCrypto;
  /** How to hear SIGTERM and SIGINT. Default: `process.once`. */
  onShutdownSignal?(signal: ShutdownSignal, handler: () => void): void;
}

export type ShutdownSignal = "SIGTERM" | "SIGINT";

const write = (line: string) => process.stdout.write(line);

function exitOnConfigError(error: ConfigError): never {
  process.stderr.write(`jwtgrant: invalid configuration: ${redactUrlUserinfo(error.message)}\n`);
  process.exit(1);
}

/**
 * Starts the server on `runtime`: configuration, composition, listening, and on SIGTERM or SIGINT a
 * graceful stop (drain, close the database, exit 0). A bad configuration is one line on stderr and exit 1.
 */
export async function runServer(runtime: Runtime): Promise<void> {
  let config: ReturnType<typeof readServerConfig>;
  try {
    config = readServerConfig(readEnvironment(process.env));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    exitOnConfigError(error);
  }
  const logger = createJsonLogger(config.logLevel, write);
  let composed: Awaited<ReturnType<typeof composeServer>>;
  try {
    composed = await composeServer(config, logger, runtime.crypto);
  } catch (error) {
    if (error instanceof ConfigError) exitOnConfigError(error);
    logger.log("error", "start-up failed", { error: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  }
  if (composed.secretsGenerated) {
    process.stderr.write(
      `jwtgrant: generated the secret that encrypts the signing keys, kept in ${secretsFile(config.dataDir)}: back it up with the database\n`,
    );
  }
  if (composed.adminToken.generated) {
    process.stderr.write(
      generatedTokenNotice(config.dataDir, composed.adminToken.token, process.stderr.isTTY === true),
    );
  }
  const server = await runtime.serve(composed.fetch, { port: config.port, host: config.host });
  logger.log("info", "listening", {
    runtime: runtime.name,
    url: `http://${config.host}:${server.port}`,
    issuer: config.issuer,
    database: config.databaseUrl === undefined ? "pglite" : "postgres",
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log("info", "stopping", { signal });
    await server.stop(config.shutdownTimeoutSeconds * 1000);
    await composed.close();
    logger.log("info", "stopped");
    process.exit(0);
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    const handler = () => void shutdown(signal);
    if (runtime.onShutdownSignal === undefined) process.once(signal, handler);
    else runtime.onShutdownSignal(signal, handler);
  }
}
