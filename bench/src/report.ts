import { writeFileSync } from "node:fs";
import type { LoadResult } from "./load.js";
import type { MachineFacts } from "./machine.js";
import { sectionOf, VARIANT_SECTIONS } from "./report-section.js";

export interface RunRecord {
  readonly round: number;
  readonly target: string;
  readonly connections: number;
  readonly result: LoadResult;
}

export interface CeilingRow {
  readonly alg: string;
  readonly joseVerify: number;
  readonly joseSign: number;
  readonly nodeVerify: number;
  readonly nodeSign: number;
}

export interface Summary {
  readonly ratioVsPeer: number;
  readonly ceilingFraction: number;
  readonly p99Ms: number;
  readonly errors: number;
}

const fixed = (value: number, digits = 0) => value.toFixed(digits);

/** Exchanges per second one core could serve doing only their crypto: `verifies` verifications and one signature. */
export const oneCoreCeiling = (verify: number, sign: number, verifies = 1) =>
  1 / (verifies / verify + 1 / sign);

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** A row of the table of runs: round, target, connections, req/s, p50, p99, non-2xx, errors, server CPU. */
export const runRow = ({ round, target, connections, result }: RunRecord): string =>
  `| ${round} | ${target} | ${connections} | ${fixed(result.requestsPerSecond)} | ${fixed(result.p50Ms, 1)} | ${fixed(result.p99Ms, 1)} | ${result.non2xx} | ${result.errors} | ${result.serverCpu === null ? "n/a" : `${fixed(result.serverCpu * 100)} %`} |`;

/**
 * Rewrites bench/README.md with this run's numbers, how they were taken, and on what; the variants'
 * sections, which other kinds of run write, are kept as they were.
 */
export function writeReport(
  path: string,
  command: string,
  facts: MachineFacts,
  ceiling: readonly CeilingRow[],
  runs: readonly RunRecord[],
  ratios: readonly { connections: number; ratios: readonly number[] }[],
  summary: Summary,
  notes: readonly string[],
  baselineRatios: readonly { connections: number; ratios: readonly number[] }[] | null = null,
): void {
  const ratioRows = (rows: readonly { connections: number; ratios: readonly number[] }[]) =>
    rows.map(
      ({ connections, ratios: values }) =>
        `| ${connections} | ${values.map((v) => fixed(v, 2)).join(", ")} | ${fixed(median(values), 2)} |`,
    );
  const lines = [
    "# Benchmark",
    "",
    "The token endpoint under load (ES256 assertion → ES256 access token, client_secret_basic, every assertion",
    "distinct and single-use), side by side with a peer server doing the same work, and the crypto ceiling of",
    "one core on the same machine. Absolute numbers drift on this machine; the ratios, taken pair by pair in",
    "one interleaved run, are what to compare. Every target first gets an unmeasured warm-up load.",
    "",
    `- command: \`${command}\``,
    `- date: ${new Date().toISOString()}`,
    `- machine: ${facts.cpuModel}, ${facts.cores} cores, Node ${facts.node}`,
    `- pinning: ${facts.pinning ? "servers on core 0, load generator on core 1 (taskset)" : "taskset unavailable: processes not pinned"}`,
    ...notes.map((note) => `- ${note}`),
    "- where the time goes, and what stands between these numbers and the targets: [PROFILE.md](PROFILE.md)",
    "",
    "## Summary",
    "",
    "| measure | value | target |",
    "|---|---|---|",
    `| throughput vs peer (median of pairs, PostgreSQL, c=64) | ${fixed(summary.ratioVsPeer, 2)}× | ≥ 3.0× |`,
    `| share of the one-core node:crypto ceiling (PostgreSQL, c=64) | ${fixed(summary.ceilingFraction * 100, 1)} % | ≥ 60 % |`,
    `| p99 latency (PostgreSQL, c=64, worst run) | ${fixed(summary.p99Ms, 1)} ms | ≤ 20 ms |`,
    `| errors and non-2xx (all runs) | ${summary.errors} | 0 |`,
    "",
    "## Crypto ceiling, one core (operations per second)",
    "",
    "| alg | jose verify | jose sign | jose verify+sign | node:crypto verify | node:crypto sign | node:crypto verify+sign |",
    "|---|---|---|---|---|---|---|",
    ...ceiling.map(
      (row) =>
        `| ${row.alg} | ${fixed(row.joseVerify)} | ${fixed(row.joseSign)} | ${fixed(oneCoreCeiling(row.joseVerify, row.joseSign))} | ${fixed(row.nodeVerify)} | ${fixed(row.nodeSign)} | ${fixed(oneCoreCeiling(row.nodeVerify, row.nodeSign))} |`,
    ),
    "",
    "## Runs, in the order they ran",
    "",
    "| round | target | connections | req/s | p50 ms | p99 ms | non-2xx | errors | server CPU |",
    "|---|---|---|---|---|---|---|---|---|",
    ...runs.map(runRow),
    "",
    "## jwtgrant on PostgreSQL ÷ peer, pair by pair",
    "",
    "| connections | ratios | median |",
    "|---|---|---|",
    ...ratioRows(ratios),
    "",
    ...(baselineRatios === null
      ? []
      : [
          "## This build ÷ the baseline build, both on PostgreSQL, pair by pair",
          "",
          "| connections | ratios | median |",
          "|---|---|---|",
          ...ratioRows(baselineRatios),
          "",
        ]),
  ];
  const kept = VARIANT_SECTIONS.flatMap((name) => sectionOf(path, name) ?? []).map(
    (section) => `${section}\n`,
  );
  writeFileSync(path, `${lines.join("\n")}\n${kept.join("\n")}`);
}
