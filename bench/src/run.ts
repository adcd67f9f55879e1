// `pnpm bench [-- --quick] [-- --baseline <apps/server/dist/node.js of another build>]`: the token endpoint
// of jwtgrant (PostgreSQL and embedded PGlite) against node-oidc-provider doing the same work, interleaved
// A B A B so that drift cancels, and the crypto ceiling. With --baseline, that other build also runs on
// PostgreSQL in every round, so a change is measured before and after in one run.
// `pnpm bench -- --policy [--quick]` and `pnpm bench -- --cross-app [--quick]`: only one variant, kinds of
// token request to one server in alternating interleaved rounds (an issuer with a trust rule against a plain
// issuer; ID-JAG redemption and token exchange against the plain exchange); each rewrites its own section of
// the report and no other.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { createAssertionKey } from "./assertions.js";
import { writeCrossAppSummary } from "./cross-app-summary.js";
import { prepareCrossAppTargets } from "./cross-app-targets.js";
import { loadTokenEndpoint } from "./load.js";
import { machineFacts, pinned } from "./machine.js";
import { writePolicySummary } from "./policy-summary.js";
import { preparePolicyTargets } from "./policy-targets.js";
import type { CeilingRow, RunRecord } from "./report.js";
import { writeSummary } from "./summary.js";
import { benchDir, prepareTargets, type Targets } from "./targets.js";
import type { VariantSummaryInput } from "./variant-section.js";

const quick = process.argv.includes("--quick");
const variantFlags = ["--policy", "--cross-app"].filter((flag) => process.argv.includes(flag));
const variantFlag = variantFlags[0];
const baselineIndex = process.argv.indexOf("--baseline");
const baselineEntry = baselineIndex === -1 ? undefined : process.argv[baselineIndex + 1];
if (baselineIndex !== -1 && (baselineEntry === undefined || !existsSync(baselineEntry))) {
  process.stderr.write("bench: --baseline needs the path of another build's apps/server/dist/node.js\n");
  process.exit(2);
}
if (variantFlags.length > 1 || (variantFlag !== undefined && baselineEntry !== undefined)) {
  process.stderr.write(
    `bench: ${variantFlags.join(" and ")} runs alone; give one variant, without --baseline\n`,
  );
  process.exit(2);
}
const facts = machineFacts();
const notes: string[] = [];

// The load generator shares core 1 with nothing of ours: re-run this process pinned there.
if (facts.pinning && process.env.JWTGRANT_BENCH_PINNED !== "1") {
  const [command = "node", ...args] = pinned(1, [process.execPath, ...process.argv.slice(1)], true);
  execFileSync(command, args, { stdio: "inherit", env: { ...process.env, JWTGRANT_BENCH_PINNED: "1" } });
  process.exit(0);
}

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

/** The one-core crypto rates of `algs` (comma-separated; default every one the ceiling knows). */
function measureCeiling(algs?: string): CeilingRow[] {
  const argv = pinned(
    0,
    [
      process.execPath,
      join(benchDir, "dist/ceiling.js"),
      quick ? "700" : "2000",
      ...(algs === undefined ? [] : [algs]),
    ],
    facts.pinning,
  );
  const [command = "node", ...args] = argv;
  const output = execFileSync(command, args, { encoding: "utf8" });
  const parsed = JSON.parse(output) as Record<string, Omit<CeilingRow, "alg">>;
  return Object.entries(parsed).map(([alg, row]) => ({ alg, ...row }));
}

interface Plan {
  readonly rounds: number;
  readonly durationSeconds: number;
  readonly connectionCounts: readonly number[];
  readonly warmUpSeconds: number;
  /** Reverse the order of the targets every second round, so that a drift over a round cancels too. */
  readonly alternate: boolean;
}

/** Starts the targets, warms each up unmeasured, runs the rounds, and cleans up whatever happens. */
async function runRounds(targets: Targets, plan: Plan): Promise<RunRecord[]> {
  // An interrupted run must leave no server running, no database behind, and PostgreSQL on all its cores.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      targets.cleanUp().then(
        () => process.exit(130),
        (error: unknown) => {
          log(`clean-up after ${signal} failed: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(130);
        },
      );
    });
  }
  const runs: RunRecord[] = [];
  try {
    await targets.start();
    // Unmeasured first load on every target, so that no round pays for JIT warm-up.
    for (const target of targets.started) {
      await loadTokenEndpoint({
        url: `${target.server.url}${target.tokenPath}`,
        authorization: target.authorization,
        connections: 16,
        durationSeconds: plan.warmUpSeconds,
        nextBody: target.nextBody,
        serverPid: target.server.child.pid ?? 0,
      });
    }
    for (let round = 1; round <= plan.rounds; round++) {
      const order = plan.alternate && round % 2 === 0 ? [...targets.started].reverse() : targets.started;
      for (const connections of plan.connectionCounts) {
        for (const target of order) {
          const result = await loadTokenEndpoint({
            url: `${target.server.url}${target.tokenPath}`,
            authorization: target.authorization,
            connections,
            durationSeconds: plan.durationSeconds,
            nextBody: target.nextBody,
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
    await targets.cleanUp();
  }
  return runs;
}

async function comparePeer() {
  log("measuring the crypto ceiling");
  const ceiling = measureCeiling();
  const targets = await prepareTargets({
    quick,
    baselineEntry,
    key: createAssertionKey(),
    pinning: facts.pinning,
    notes,
  });
  const plan: Plan = {
    rounds: quick ? 2 : 3,
    durationSeconds: quick ? 6 : 10,
    connectionCounts: quick ? [64] : [64, 16],
    warmUpSeconds: quick ? 2 : 4,
    alternate: false,
  };
  const runs = await runRounds(targets, plan);
  writeSummary({
    reportPath: join(benchDir, "README.md"),
    quick,
    baselineGiven: baselineEntry !== undefined,
    baselineMeasured: targets.baselineMeasured,
    facts,
    ceiling,
    runs,
    rounds: plan.rounds,
    connectionCounts: plan.connectionCounts,
    notes,
  });
}

/** A variant: its targets on one server, and the summary that writes its section of the report. */
interface Variant {
  readonly flag: string;
  prepare(): Promise<Targets>;
  summarise(input: VariantSummaryInput): void;
}

const VARIANTS: readonly Variant[] = [
  {
    flag: "--policy",
    prepare: () => preparePolicyTargets({ key: createAssertionKey(), pinning: facts.pinning, notes }),
    summarise: writePolicySummary,
  },
  {
    flag: "--cross-app",
    prepare: () => prepareCrossAppTargets({ key: createAssertionKey(), pinning: facts.pinning, notes }),
    summarise: (input) => {
      log("measuring the ES256 crypto ceiling");
      writeCrossAppSummary({ ...input, ceiling: measureCeiling("ES256") });
    },
  },
];

async function compareVariant(variant: Variant) {
  const targets = await variant.prepare();
  const plan: Plan = {
    rounds: quick ? 5 : 9,
    durationSeconds: quick ? 5 : 6,
    connectionCounts: [64],
    warmUpSeconds: quick ? 2 : 4,
    alternate: true,
  };
  const before = loadavg()[0] ?? 0;
  const runs = await runRounds(targets, plan);
  const after = loadavg()[0] ?? 0;
  variant.summarise({
    reportPath: join(benchDir, "README.md"),
    command: `pnpm bench -- ${variant.flag}${quick ? " --quick" : ""}`,
    facts,
    runs,
    rounds: plan.rounds,
    connections: 64,
    durationSeconds: plan.durationSeconds,
    load: { before, after },
    notes,
  });
}

log(`machine: ${facts.cpuModel}, ${facts.cores} cores, pinning ${facts.pinning ? "on" : "off"}`);
const variant = VARIANTS.find((one) => one.flag === variantFlag);
await (variant === undefined ? comparePeer() : compareVariant(variant));
