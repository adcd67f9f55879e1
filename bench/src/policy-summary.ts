// The policy variant's verdict: the issuer with a trust rule against the plain issuer, round by round, as a
// section of bench/README.md and as the one line on stdout that scripts read.
import { pairRatios, SATURATED } from "./pair-ratios.js";
import { PLAIN, POLICY } from "./policy-targets.js";
import { median } from "./report.js";
import { POLICY_SECTION } from "./report-section.js";
import { medianMeasure, ratioRow, type VariantSummaryInput, writeVariantSection } from "./variant-section.js";

/** Within 3 % of the plain issuer's throughput. */
const TARGET_RATIO = 0.97;

export function writePolicySummary(input: VariantSummaryInput): void {
  const { runs, rounds, connections } = input;
  const pairs = pairRatios(runs, rounds, POLICY, PLAIN);
  const errors = runs.reduce((sum, r) => sum + r.result.errors + r.result.non2xx, 0);
  const atLeast = `≥ ${TARGET_RATIO.toFixed(2)}×`;
  writeVariantSection({
    ...input,
    section: POLICY_SECTION,
    heading: "Trust policy: an issuer with a rule ÷ a plain issuer, pair by pair",
    intro: [
      "One server trusts a plain issuer and, next to it, GitHub Actions under one trust rule of six conditions",
      "(`repository_owner_id` and `repository_id` by `eq`, `ref` by `glob`, `environment` by `eq`, `event_name`",
      "by `in`, `workflow_ref` by `exists`) and two mapped claims (`repository`, and `workflow` from",
      "`job_workflow_ref`), which its access tokens then carry. A pair is one round's run of each issuer's",
      `assertions, at c=${connections} for ${input.durationSeconds} s each; the issuer that goes first alternates`,
      "from round to round, and both first get an unmeasured warm-up load.",
    ],
    profileNote: "where the policy's cost goes: [PROFILE.md](PROFILE.md#the-trust-policy-variant)",
    measures: [
      medianMeasure(
        `throughput, policy issuer ÷ plain issuer (median of ${rounds} pairs, c=${connections})`,
        pairs.throughput,
        atLeast,
      ),
      medianMeasure(
        `throughput, policy issuer ÷ plain issuer, only the ${pairs.saturatedThroughput.length} pairs whose runs both kept the server at ≥ ${SATURATED * 100} % of its core`,
        pairs.saturatedThroughput,
        atLeast,
      ),
      medianMeasure(
        `server CPU per exchange, policy issuer ÷ plain issuer (median of ${rounds} pairs)`,
        pairs.cpuPerExchange,
        `≤ ${(1 / TARGET_RATIO).toFixed(2)}×`,
      ),
      `| errors and non-2xx (all runs) | ${errors} | 0 |`,
    ],
    targetColumn: "issuer",
    tables: [
      `| policy ÷ plain, c=${connections} | ratios, round by round | median |`,
      "|---|---|---|",
      ratioRow("throughput", pairs.throughput),
      ratioRow("server CPU per exchange", pairs.cpuPerExchange),
    ],
  });
  process.stdout.write(
    `ratio_policy_vs_plain=${median(pairs.throughput).toFixed(3)} cpu_ratio_policy_vs_plain=${median(pairs.cpuPerExchange).toFixed(3)} errors=${errors}\n`,
  );
}
