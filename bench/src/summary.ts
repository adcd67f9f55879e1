// The run's verdict: jwtgrant on PostgreSQL against the peer (and the baseline build) round by round, as
// bench/README.md and as the one line on stdout that scripts read.
import type { MachineFacts } from "./machine.js";
import { type CeilingRow, median, oneCoreCeiling, type RunRecord, writeReport } from "./report.js";
import { BASELINE, OURS, PEER } from "./targets.js";

export interface SummaryInput {
  readonly reportPath: string;
  readonly quick: boolean;
  /** `--baseline` was given. */
  readonly baselineGiven: boolean;
  /** The baseline build ran (it needs PostgreSQL). */
  readonly baselineMeasured: boolean;
  readonly facts: MachineFacts;
  readonly ceiling: readonly CeilingRow[];
  readonly runs: readonly RunRecord[];
  readonly rounds: number;
  readonly connectionCounts: readonly number[];
  readonly notes: readonly string[];
}

export function writeSummary(input: SummaryInput): void {
  const { runs, rounds, connectionCounts, ceiling } = input;
  const pairRatios = (other: string) =>
    connectionCounts.map((connections) => ({
      connections,
      ratios: Array.from({ length: rounds }, (_, i) => {
        const find = (name: string) =>
          runs.find((r) => r.round === i + 1 && r.connections === connections && r.target === name);
        return (find(OURS)?.result.requestsPerSecond ?? 0) / (find(other)?.result.requestsPerSecond ?? 1);
      }),
    }));
  const ratios = pairRatios(PEER);
  const baselineRatios = input.baselineMeasured ? pairRatios(BASELINE) : null;
  const es256 = ceiling.find((row) => row.alg === "ES256");
  const nodeCeiling = es256 === undefined ? 1 : oneCoreCeiling(es256.nodeVerify, es256.nodeSign);
  const oursAt64 = runs.filter((r) => r.target === OURS && r.connections === 64);
  const summary = {
    ratioVsPeer: median(ratios.find((r) => r.connections === 64)?.ratios ?? [0]),
    ceilingFraction: median(oursAt64.map((r) => r.result.requestsPerSecond)) / nodeCeiling,
    p99Ms: Math.max(0, ...oursAt64.map((r) => r.result.p99Ms)),
    errors: runs.reduce((sum, r) => sum + r.result.errors + r.result.non2xx, 0),
  };
  const flags = [
    ...(input.quick ? ["--quick"] : []),
    ...(input.baselineGiven ? ["--baseline <an earlier build>"] : []),
  ];
  const command = flags.length === 0 ? "pnpm bench" : `pnpm bench -- ${flags.join(" ")}`;
  writeReport(
    input.reportPath,
    command,
    input.facts,
    ceiling,
    runs,
    ratios,
    summary,
    input.notes,
    baselineRatios,
  );
  process.stdout.write(
    `ratio_vs_peer=${summary.ratioVsPeer.toFixed(2)} ceiling_fraction=${summary.ceilingFraction.toFixed(2)} p99_ms=${summary.p99Ms.toFixed(1)} errors=${summary.errors}\n`,
  );
}
