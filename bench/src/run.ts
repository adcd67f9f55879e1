// `pnpm bench [-- --quick] [-- --baseline <apps/server/dist/node.js of another build>]`: the token endpoint
// of jwtgrant (PostgreSQL and embedded PGlite) against node-oidc-provider doing the same work, interleaved
// A B A B so that drift cancels, and the crypto ceiling. With --baseline, that other build also runs on
// PostgreSQL in every round, so a change is measured before and after in one run.
import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase } from "@jwtgrant/storage-postgres/testing";
import { createAssertionKey } from "./assertions.js";
import { loadTokenEndpoint } from "./load.js";
import { machineFacts, pinned } from "./machine.js";
import { type PostgresPinning, pinLocalPostgres } from "./pin-postgres.js";
import { type CeilingRow, median, oneCoreCeiling, type RunRecord, writeReport } from "./report.js";
import { type BenchServer, freePort, startPinned } from "./servers.js";

const quick = process.argv.includes("--quick");
const baselineIndex = process.argv.indexOf("--baseline");
const baselineEntry = baselineIndex === -1 ? undefined : process.argv[baselineIndex + 1];
if (baselineIndex !== -1 && (baselineEntry === undefined || !existsSync(baselineEntry))) {
  process.stderr.write("bench: --baseline needs the path of another build's apps/server/dist/node.js\n");
  process.exit(2);
}
const benchDir = fileURLToPath(new URL("..", import.meta.url));
const serverEntry = fileURLToPath(new URL("../../apps/server/dist/node.js", import.meta.url));
const ADMIN_TOKEN = "bench-admin-token-0123456789abcdef0123";
/** Required on PostgreSQL: the key-encryption secret of the signing keys. */
const SECRETS = "bench-key-encryption-secret-0123456789abcdef";
const IDP = "https://idp.bench.example";
const PEER = "node-oidc-provider";
const BASELINE = "jwtgrant baseline (PostgreSQL)";
const facts = machineFacts();
const notes: string[] = [];

// The load generator shares core 1 with nothing of ours: re-run this process pinned there.
if (facts.pinning && process.env.JWTGRANT_BENCH_PINNED !== "1") {
  const [command = "node", ...args] = pinned(1, [process.execPath, ...process.argv.slice(1)], true);
  execFileSync(command, args, { stdio: "inherit", env: { ...process.env, JWTGRANT_BENCH_PINNED: "1" } });
  process.exit(0);
}

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

function measureCeiling(): CeilingRow[] {
  const argv = pinned(
    0,
    [process.execPath, join(benchDir, "dist/ceiling.js"), quick ? "700" : "2000"],
    facts.pinning,
  );
  const [command = "node", ...args] = argv;
  const output = execFileSync(command, args, { encoding: "utf8" });
  const parsed = JSON.parse(output) as Record<string, Omit<CeilingRow, "alg">>;
  return Object.entries(parsed).map(([alg, row]) => ({ alg, ...row }));
}

async function admin(url: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}/admin${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`admin ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

interface Target {
  readonly name: string;
  readonly server: BenchServer;
  readonly tokenPath: string;
  readonly authorization: string;
  readonly audience: string;
}

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

async function startJwtgrant(
  name: string,
  database: Record<string, string>,
  publicJwk: Record<string, unknown>,
  entry = serverEntry,
): Promise<Target> {
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
    facts.pinning,
  );
  await admin(url, "/issuers", { issuer: IDP, jwks: { keys: [publicJwk] } });
  const client = await admin(url, "/clients", { client_name: "bench" });
  return {
    name,
    server,
    tokenPath: "/oauth2/token",
    authorization: basic(String(client.client_id), String(client.client_secret)),
    audience: `${url}/oauth2/token`,
  };
}

async function startPeer(publicJwk: Record<string, unknown>): Promise<Target> {
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
      PEER_ASSERTION_PUBLIC_JWK: JSON.stringify(publicJwk),
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
    facts.pinning,
  );
  return {
    name: PEER,
    server,
    tokenPath: "/token",
    authorization: basic("bench", "bench-secret-0123456789"),
    audience: `${url}/token`,
  };
}

async function createDatabase(suffix = ""): Promise<{ url: string; drop: () => Promise<void> } | null> {
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

async function main() {
  log(`machine: ${facts.cpuModel}, ${facts.cores} cores, pinning ${facts.pinning ? "on" : "off"}`);
  log("measuring the crypto ceiling");
  const ceiling = measureCeiling();

  const key = createAssertionKey();
  const database = await createDatabase();
  const baselineDatabase =
    baselineEntry === undefined || database === null ? null : await createDatabase("_baseline");
  const postgresPinning: PostgresPinning | null =
    database !== null && facts.pinning ? pinLocalPostgres(database.url, 1) : null;
  if (postgresPinning !== null) notes.push(postgresPinning.description);
  const targets: Target[] = [];
  let cleanedUp: Promise<void> | undefined;
  const cleanUp = () => {
    cleanedUp ??= (async () => {
      await Promise.all(targets.map((target) => target.server.stop()));
      postgresPinning?.restore();
      await database?.drop();
      await baselineDatabase?.drop();
    })();
    return cleanedUp;
  };
  // An interrupted run must leave no server running, no database behind, and PostgreSQL on all its cores.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      cleanUp().then(
        () => process.exit(130),
        (error: unknown) => {
          log(`clean-up after ${signal} failed: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(130);
        },
      );
    });
  }
  const rounds = quick ? 2 : 3;
  const durationSeconds = quick ? 6 : 10;
  const connectionCounts = quick ? [64] : [64, 16];
  const runs: RunRecord[] = [];
  try {
    if (database !== null)
      targets.push(
        await startJwtgrant(
          "jwtgrant (PostgreSQL)",
          { DATABASE_URL: database.url, JWTGRANT_SECRETS: SECRETS },
          key.publicJwk,
        ),
      );
    if (baselineDatabase !== null && baselineEntry !== undefined)
      targets.push(
        await startJwtgrant(
          BASELINE,
          { DATABASE_URL: baselineDatabase.url, JWTGRANT_SECRETS: SECRETS },
          key.publicJwk,
          resolve(baselineEntry),
        ),
      );
    if (!quick) {
      targets.push(
        await startJwtgrant(
          "jwtgrant (PGlite)",
          { JWTGRANT_DATA_DIR: mkdtempSync(join(tmpdir(), "jwtgrant-bench-")), DATABASE_URL: "" },
          key.publicJwk,
        ),
      );
    }
    targets.push(await startPeer(key.publicJwk));
    // Unmeasured first load on every target, so that no round pays for JIT warm-up.
    for (const target of targets) {
      await loadTokenEndpoint({
        url: `${target.server.url}${target.tokenPath}`,
        authorization: target.authorization,
        connections: 16,
        durationSeconds: quick ? 2 : 4,
        nextBody: key.bodiesFor(IDP, target.audience),
        serverPid: target.server.child.pid ?? 0,
      });
    }
    for (let round = 1; round <= rounds; round++) {
      for (const connections of connectionCounts) {
        for (const target of targets) {
          const result = await loadTokenEndpoint({
            url: `${target.server.url}${target.tokenPath}`,
            authorization: target.authorization,
            connections,
            durationSeconds,
            nextBody: key.bodiesFor(IDP, target.audience),
            serverPid: target.server.child.pid ?? 0,
          });
          runs.push({ round, target: target.name, connections, result });
          log(
            `round ${round} ${target.name} c=${connections}: ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99Ms} ms, non-2xx ${result.non2xx}`,
          );
        }
      }
    }
  } finally {
    await cleanUp();
  }

  const ours = "jwtgrant (PostgreSQL)";
  const pairRatios = (other: string) =>
    connectionCounts.map((connections) => ({
      connections,
      ratios: Array.from({ length: rounds }, (_, i) => {
        const find = (name: string) =>
          runs.find((r) => r.round === i + 1 && r.connections === connections && r.target === name);
        return (find(ours)?.result.requestsPerSecond ?? 0) / (find(other)?.result.requestsPerSecond ?? 1);
      }),
    }));
  const ratios = pairRatios(PEER);
  const baselineRatios = baselineDatabase === null ? null : pairRatios(BASELINE);
  const es256 = ceiling.find((row) => row.alg === "ES256");
  const nodeCeiling = es256 === undefined ? 1 : oneCoreCeiling(es256.nodeVerify, es256.nodeSign);
  const oursAt64 = runs.filter((r) => r.target === ours && r.connections === 64);
  const summary = {
    ratioVsPeer: median(ratios.find((r) => r.connections === 64)?.ratios ?? [0]),
    ceilingFraction: median(oursAt64.map((r) => r.result.requestsPerSecond)) / nodeCeiling,
    p99Ms: Math.max(0, ...oursAt64.map((r) => r.result.p99Ms)),
    errors: runs.reduce((sum, r) => sum + r.result.errors + r.result.non2xx, 0),
  };
  const flags = [
    ...(quick ? ["--quick"] : []),
    ...(baselineEntry === undefined ? [] : ["--baseline <an earlier build>"]),
  ];
  const command = flags.length === 0 ? "pnpm bench" : `pnpm bench -- ${flags.join(" ")}`;
  writeReport(
    join(benchDir, "README.md"),
    command,
    facts,
    ceiling,
    runs,
    ratios,
    summary,
    notes,
    baselineRatios,
  );
  process.stdout.write(
    `ratio_vs_peer=${summary.ratioVsPeer.toFixed(2)} ceiling_fraction=${summary.ceilingFraction.toFixed(2)} p99_ms=${summary.p99Ms.toFixed(1)} errors=${summary.errors}\n`,
  );
}

await main();
