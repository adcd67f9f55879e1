// What the bench measures: jwtgrant builds and node-oidc-provider, each started pinned and set up with the
// same trusted issuer and client, and the PostgreSQL databases the jwtgrant runs use.
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase } from "@jwtgrant/storage-postgres/testing";
import type { AssertionKey } from "./assertions.js";
import { type PostgresPinning, pinLocalPostgres } from "./pin-postgres.js";
import { type BenchServer, freePort, startPinned } from "./servers.js";

export const benchDir = fileURLToPath(new URL("..", import.meta.url));
const serverEntry = fileURLToPath(new URL("../../apps/server/dist/node.js", import.meta.url));
const ADMIN_TOKEN = "bench-admin-token-0123456789abcdef0123";
/** Required on PostgreSQL: the key-encryption secret of the signing keys. */
export const SECRETS = "bench-key-encryption-secret-0123456789abcdef";
/** The issuer of the bench's assertions, trusted by every target. */
export const IDP = "https://idp.bench.example";
export const OURS = "jwtgrant (PostgreSQL)";
export const PEER = "node-oidc-provider";
/** Another build of jwtgrant, on PostgreSQL too, with `--baseline`. */
export const BASELINE = "jwtgrant baseline (PostgreSQL)";

export interface Target {
  readonly name: string;
  readonly server: BenchServer;
  readonly tokenPath: string;
  readonly authorization: string;
  /** Token-request bodies for this target, each with a fresh assertion. */
  readonly nextBody: () => string;
}

export async function admin(url: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}/admin${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`admin ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

/** A running jwtgrant server with one client, and the client's `Authorization` header. */
export interface JwtgrantServer {
  readonly server: BenchServer;
  readonly url: string;
  readonly clientId: string;
  readonly authorization: string;
}

/**
 * A jwtgrant build (this one unless `entry` names another) on `database`, with a client (made of the admin
 * API's `client` fields) and no issuer yet.
 */
export async function startJwtgrantServer(
  name: string,
  database: Record<string, string>,
  pinning: boolean,
  entry = serverEntry,
  client: Record<string, unknown> = { client_name: "bench" },
): Promise<JwtgrantServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await startPinned(
    name,
    [process.execPath, entry],
    {
      ...database,
      JWTGRANT_ISSUER: url,
      JWTGRANT_ADMIN_TOKEN: ADMIN_TOKEN,
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
    },
    port,
    "/healthz",
    pinning,
  );
  const created = await admin(url, "/clients", client);
  const clientId = String(created.client_id);
  return { server, url, clientId, authorization: basic(clientId, String(created.client_secret)) };
}

/** A jwtgrant build on `database`, trusting `IDP`, with a client. */
async function startJwtgrant(
  name: string,
  database: Record<string, string>,
  key: AssertionKey,
  pinning: boolean,
  entry = serverEntry,
): Promise<Target> {
  const { server, url, authorization } = await startJwtgrantServer(name, database, pinning, entry);
  await admin(url, "/issuers", { issuer: IDP, jwks: { keys: [key.publicJwk] } });
  return {
    name,
    server,
    tokenPath: "/oauth2/token",
    authorization,
    nextBody: key.bodiesFor(IDP, `${url}/oauth2/token`),
  };
}

/** node-oidc-provider doing the same work: the same assertions, the same client authentication. */
async function startPeer(key: AssertionKey, pinning: boolean): Promise<Target> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const server = await startPinned(
    "peer",
    [process.execPath, join(benchDir, "dist/peer/serve-peer.js")],
    {
      NODE_ENV: "production",
      PEER_ISSUER: url,
      PEER_ASSERTION_ISSUER: IDP,
      PEER_ASSERTION_PUBLIC_JWK: JSON.stringify(key.publicJwk),
      PEER_SIGNING_PRIVATE_JWK: JSON.stringify({
        ...privateKey.export({ format: "jwk" }),
        kid: "peer-1",
        alg: "ES256",
        use: "sig",
      }),
      PEER_CLIENT_ID: "bench",
      PEER_CLIENT_SECRET: "bench-secret-0123456789",
    },
    port,
    "/.well-known/openid-configuration",
    pinning,
  );
  return {
    name: PEER,
    server,
    tokenPath: "/token",
    authorization: basic("bench", "bench-secret-0123456789"),
    nextBody: key.bodiesFor(IDP, `${url}/token`),
  };
}

/** A fresh database for one jwtgrant target, or null (with a note saying why) when PostgreSQL is away. */
export async function createDatabase(
  notes: string[],
  suffix = "",
): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const base =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/test";
  try {
    return await createTestDatabase({
      baseUrl: base,
      prefix: `jwtgrant_bench${suffix}`,
      connectTimeoutMs: 3000,
    });
  } catch (error) {
    notes.push(
      `PostgreSQL at ${new URL(base).host} unreachable (${error instanceof Error ? error.message : String(error)}): PostgreSQL runs skipped`,
    );
    return null;
  }
}

export interface TargetOptions {
  /** Without PGlite, as `--quick` runs. */
  readonly quick: boolean;
  /** The `--baseline` build's entry point. */
  readonly baselineEntry: string | undefined;
  readonly key: AssertionKey;
  readonly pinning: boolean;
  /** Where what the reader should know about this run's set-up goes. */
  readonly notes: string[];
}

export interface Targets {
  /** The targets started so far, in the order the rounds visit them. */
  readonly started: readonly Target[];
  /** Whether the baseline build will run (it needs PostgreSQL). */
  readonly baselineMeasured: boolean;
  start(): Promise<void>;
  /** Stops every server, gives PostgreSQL back all its cores, drops the databases; once, however often called. */
  cleanUp(): Promise<void>;
}

/** The databases of a run, made now, and the targets on them, started by `start`. */
export async function prepareTargets(options: TargetOptions): Promise<Targets> {
  const { notes, pinning, key } = options;
  const database = await createDatabase(notes);
  const baselineDatabase =
    options.baselineEntry === undefined || database === null
      ? null
      : await createDatabase(notes, "_baseline");
  const postgresPinning: PostgresPinning | null =
    database !== null && pinning ? pinLocalPostgres(database.url, 1) : null;
  if (postgresPinning !== null) notes.push(postgresPinning.description);
  const started: Target[] = [];
  let cleanedUp: Promise<void> | undefined;
  return {
    started,
    baselineMeasured: baselineDatabase !== null,
    async start() {
      if (database !== null)
        started.push(
          await startJwtgrant(OURS, { DATABASE_URL: database.url, JWTGRANT_SECRETS: SECRETS }, key, pinning),
        );
      if (baselineDatabase !== null && options.baselineEntry !== undefined)
        started.push(
          await startJwtgrant(
            BASELINE,
            { DATABASE_URL: baselineDatabase.url, JWTGRANT_SECRETS: SECRETS },
            key,
            pinning,
            resolve(options.baselineEntry),
          ),
        );
      if (!options.quick) {
        started.push(
          await startJwtgrant(
            "jwtgrant (PGlite)",
            { JWTGRANT_DATA_DIR: mkdtempSync(join(tmpdir(), "jwtgrant-bench-")), DATABASE_URL: "" },
            key,
            pinning,
          ),
        );
      }
      started.push(await startPeer(key, pinning));
    },
    cleanUp() {
      cleanedUp ??= (async () => {
        await Promise.all(started.map((target) => target.server.stop()));
        postgresPinning?.restore();
        await database?.drop();
        await baselineDatabase?.drop();
      })();
      return cleanedUp;
    },
  };
}
