// Two targets compared round by round: each round's run of the one divided by the same round's run of the
// other, so that what drifts over a run (the machine's other work, the database's state) cancels.
import type { RunRecord } from "./report.js";

/** A run in which the server had less of its core than this was starved by other work on the machine. */
export const SATURATED = 0.95;

export interface PairRatios {
  readonly throughput: readonly number[];
  /** The server's CPU time per exchange: what other work on a shared machine disturbs least. */
  readonly cpuPerExchange: readonly number[];
  /** The throughput ratios of the rounds whose two runs both kept the server at `SATURATED` of its core or more. */
  readonly saturatedThroughput: readonly number[];
}

/** `measured` ÷ `reference`, round by round, over rounds 1 to `rounds`. */
export function pairRatios(
  runs: readonly RunRecord[],
  rounds: number,
  measured: string,
  reference: string,
): PairRatios {
  const result = (round: number, target: string) =>
    runs.find((r) => r.round === round && r.target === target)?.result;
  const pairs = (measure: (round: number, target: string) => number) =>
    Array.from({ length: rounds }, (_, i) => measure(i + 1, measured) / (measure(i + 1, reference) || 1));
  const throughput = pairs((round, target) => result(round, target)?.requestsPerSecond ?? 0);
  const cpuPerExchange = pairs((round, target) => {
    const run = result(round, target);
    return run?.serverCpu == null ? 0 : run.serverCpu / run.requestsPerSecond;
  });
  const saturated = (round: number) =>
    [measured, reference].every((target) => (result(round, target)?.serverCpu ?? 0) >= SATURATED);
  return {
    throughput,
    cpuPerExchange,
    saturatedThroughput: throughput.filter((_, i) => saturated(i + 1)),
  };
}
