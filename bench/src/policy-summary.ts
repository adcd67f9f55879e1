// The policy variant's verdict: the issuer with a trust rule against the plain issuer, round by round, as a
// section of bench/README.md and as the one line on stdout that scripts read.
import { readFileSync, writeFileSync } from "node:fs";
import type { MachineFacts } from "./machine.js";
import { PLAIN, POLICY } from "./policy-targets.js";
import { median, type RunRecord, runRow } from "./report.js";
import { POLICY_SECTION, withSection } from "./report-section.js";

/** Within 3 % of the plain issuer's throughput. */
const TARGET_RATIO = 0.97;
/** A run in which the server had less of its core than this was starved by other work on the machine. */
const SATURATED = 0.95;

export interface PolicySummaryInput {
  readonly reportPath: string;
  readonly command: string;
  readonly facts: MachineFacts;
  readonly runs: readonly RunRecord[];
  readonly rounds: number;
  readonly connections: number;
  readonly durationSeconds: number;
  /** One-minute load averages of the machine just before and just after the measured rounds. */
  readonly load: { readonly before: number; readonly after: number };
  readonly notes: readonly string[];
}

export function writePolicySummary(input: PolicySummaryInput): void {
  const { runs, rounds, connections, facts } = input;
  const result = (round: number, target: string) =>
    runs.find((r) => r.round === round && r.target === target)?.result;
  const pairs = (measure: (round: number, target: string) => number) =>
    Array.from({ length: rounds }, (_, i) => measure(i + 1, POLICY) / (measure(i + 1, PLAIN) || 1));
  const ratios = pairs((round, target) => result(round, target)?.requestsPerSecond ?? 0);
  const ratio = median(ratios);
  // The server's CPU time per exchange: what other work on a shared machine disturbs least.
  const cpuRatios = pairs((round, target) => {
    const measured = result(round, target);
    return measured?.serverCpu == null ? 0 : measured.serverCpu / measured.requestsPerSecond;
  });
  const cpuRatio = median(cpuRatios);
  const saturated = (round: number) =>
    [PLAIN, POLICY].every((target) => (result(round, target)?.serverCpu ?? 0) >= SATURATED);
  const quietRatios = ratios.filter((_, i) => saturated(i + 1));
  const errors = runs.reduce((sum, r) => sum + r.result.errors + r.result.non2xx, 0);
  const lines = [
    "## Trust policy: an issuer with a rule ÷ a plain issuer, pair by pair",
    "",
    "One server trusts a plain issuer and, next to it, GitHub Actions under one trust rule of six conditions",
    "(`repository_owner_id` and `repository_id` by `eq`, `ref` by `glob`, `environment` by `eq`, `event_name`",
    "by `in`, `workflow_ref` by `exists`) and two mapped claims (`repository`, and `workflow` from",
    "`job_workflow_ref`), which its access tokens then carry. A pair is one round's run of each issuer's",
    `assertions, at c=${connections} for ${input.durationSeconds} s each; the issuer that goes first alternates`,
    "from round to round, and both first get an unmeasured warm-up load.",
    "",
    `- command: \`${input.command}\``,
    `- date: ${new Date().toISOString()}`,
    `- machine: ${facts.cpuModel}, ${facts.cores} cores, Node ${facts.node}`,
    `- pinning: ${facts.pinning ? "the server on core 0, the load generator on core 1 (taskset)" : "taskset unavailable: processes not pinned"}`,
    ...input.notes.map((note) => `- ${note}`),
    `- machine load: one-minute load average ${input.load.before.toFixed(2)} as the run began (it lags, and holds the build just before), ${input.load.after.toFixed(2)} after its last round; the machine is shared, and other people's work ran beside this one: a round whose server CPU is well under 100 % was starved by it`,
    "- where the policy's cost goes: [PROFILE.md](PROFILE.md#the-trust-policy-variant)",
    "",
    "| measure | value | target |",
    "|---|---|---|",
    `| throughput, policy issuer ÷ plain issuer (median of ${rounds} pairs, c=${connections}) | ${ratio.toFixed(3)}× | ≥ ${TARGET_RATIO.toFixed(2)}× |`,
    `| throughput, policy issuer ÷ plain issuer, only the ${quietRatios.length} pairs whose runs both kept the server at ≥ ${SATURATED * 100} % of its core | ${quietRatios.length === 0 ? "n/a" : `${median(quietRatios).toFixed(3)}×`} | ≥ ${TARGET_RATIO.toFixed(2)}× |`,
    `| server CPU per exchange, policy issuer ÷ plain issuer (median of ${rounds} pairs) | ${cpuRatio.toFixed(3)}× | ≤ ${(1 / TARGET_RATIO).toFixed(2)}× |`,
    `| errors and non-2xx (all runs) | ${errors} | 0 |`,
    "",
    "| round | issuer | connections | req/s | p50 ms | p99 ms | non-2xx | errors | server CPU |",
    "|---|---|---|---|---|---|---|---|---|",
    ...runs.map(runRow),
    "",
    `| policy ÷ plain, c=${connections} | ratios, round by round | median |`,
    "|---|---|---|",
    `| throughput | ${ratios.map((value) => value.toFixed(3)).join(", ")} | ${ratio.toFixed(3)} |`,
    `| server CPU per exchange | ${cpuRatios.map((value) => value.toFixed(3)).join(", ")} | ${cpuRatio.toFixed(3)} |`,
  ];
  writeFileSync(input.reportPath, withSection(readFileSync(input.reportPath, "utf8"), POLICY_SECTION, lines));
  process.stdout.write(
    `ratio_policy_vs_plain=${ratio.toFixed(3)} cpu_ratio_policy_vs_plain=${cpuRatio.toFixed(3)} errors=${errors}\n`,
  );
}
