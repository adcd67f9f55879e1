import process from "node:process";
import { redactUrlUserinfo } from "@jwtgrant/core";
import { isAddressInUse } from "./address-in-use.js";
import { generatedTokenNotice } from "./admin-token.js";
import { composeServer, type RuntimeServices } from "./compose-server.js";
import { ConfigError } from "./config/config-error.js";
import { readEnvironment } from "./config/read-environment.js";
import { readServerConfig } from "./config/server-config.js";
import { createJsonLogger } from "./json-logger.js";
import { secretsFile } from "./key-encryption-secrets.js";
import { keepTlsCurrent } from "./tls/keep-tls-current.js";
import { readTlsMaterial, type TlsMaterial } from "./tls/read-tls-material.js";

export type FetchHandler = (request: Request, env?: unknown) => Response | Promise<Response>;

/** A listening HTTP server of one runtime. */
export interface RuntimeServer {
  readonly port: number;
  /** Stops accepting, lets in-flight requests finish for at most `graceMs`, then drops the rest. */
  stop(graceMs: number): Promise<void>;
  /**
   * Only on a server started with `tls`: serves `material` to new connections from now on. Connections
   * already open keep theirs. Rejects if the runtime refuses it, and then the previous one stays in service.
   */
  reloadTls(material: TlsMaterial): Promise<void>;
}

/** Where to listen; with `tls`, HTTPS. */
export interface ListenOptions {
  readonly port: number;
  readonly host: string;
  readonly tls?: TlsMaterial;
}

/**
 * What differs between Node, Bun and Deno: how to serve HTTP, which crypto is fastest there, and where the
 * peer address of a request is found in what the runtime passes `fetch` besides it.
 */
export interface Runtime extends RuntimeServices {
  readonly name: "node" | "bun" | "deno";
  serve(fetch: FetchHandler, listen: ListenOptions): Promise<RuntimeServer>;
  /** How to hear SIGTERM, SIGINT and SIGHUP, every time each comes. Default: `process.once`, `process.on` for SIGHUP. */
  onSignal?(signal: ProcessSignal, handler: () => void): void;
}

export type ShutdownSignal = "SIGTERM" | "SIGINT";
/** SIGHUP reloads the TLS certificate. */
export type ProcessSignal = ShutdownSignal | "SIGHUP";

const write = (line: string) => process.stdout.write(line);

function exitOnConfigError(error: ConfigError): never {
  process.stderr.write(`jwtgrant: invalid configuration: ${redactUrlUserinfo(error.message)}\n`);
  process.exit(1);
}

/**
 * Starts the server on `runtime`: configuration, composition, listening, and on SIGTERM or SIGINT a
 * graceful stop (drain, close the database, exit 0). A bad configuration, a bad TLS certificate or key
 * included, is one line on stderr and exit 1. With TLS, the certificate is reloaded when its files change
 * or on SIGHUP.
 */
export async function runServer(runtime: Runtime): Promise<void> {
  let config: ReturnType<typeof readServerConfig>;
  let tls: TlsMaterial | undefined;
  try {
    config = readServerConfig(readEnvironment(process.env));
    tls = config.tls && readTlsMaterial(config.tls);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    exitOnConfigError(error);
  }
  const logger = createJsonLogger(config.logLevel, write);
  let composed: Awaited<ReturnType<typeof composeServer>>;
  try {
    composed = await composeServer(config, logger, runtime);
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
  const onSignal = (signal: ProcessSignal, handler: () => void) => {
    if (runtime.onSignal !== undefined) runtime.onSignal(signal, handler);
    else if (signal === "SIGHUP") process.on(signal, handler);
    else process.once(signal, handler);
  };
  let server: RuntimeServer;
  try {
    server = await runtime.serve(composed.fetch, {
      port: config.port,
      host: config.host,
      ...(tls === undefined ? {} : { tls }),
    });
  } catch (error) {
    if (!isAddressInUse(error)) throw error;
    await composed.close();
    process.stderr.write(
      `jwtgrant: port ${config.port} is in use on ${config.host}: stop what listens there, or set PORT\n`,
    );
    process.exit(1);
  }
  const tlsReloads =
    config.tls === undefined || tls === undefined
      ? undefined
      : keepTlsCurrent({
          files: config.tls,
          served: tls,
          swap: (material) => server.reloadTls(material),
          log: logger.log,
          onSighup: process.platform === "win32" ? undefined : (handler) => onSignal("SIGHUP", handler),
        });
  logger.log("info", "listening", {
    runtime: runtime.name,
    url: `${tls === undefined ? "http" : "https"}://${config.host}:${server.port}`,
    ...(tls === undefined ? {} : { fingerprint: tls.fingerprint, notAfter: tls.notAfter }),
    issuer: config.issuer,
    database: config.databaseUrl === undefined ? "pglite" : "postgres",
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log("info", "stopping", { signal });
    tlsReloads?.close();
    await server.stop(config.shutdownTimeoutSeconds * 1000);
    await composed.close();
    logger.log("info", "stopped");
    process.exit(0);
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) onSignal(signal, () => void shutdown(signal));
}
