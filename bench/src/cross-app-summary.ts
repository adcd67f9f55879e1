// The cross-app variant's verdict: ID-JAG redemption against the plain jwt-bearer exchange, and token
// exchange against the same and against its crypto ceiling, round by round, as a section of bench/README.md
// and as the one line on stdout that scripts read.
import { EXCHANGE, ID_JAG, PLAIN } from "./cross-app-targets.js";
import { pairRatios, SATURATED } from "./pair-ratios.js";
import { type CeilingRow, median, oneCoreCeiling } from "./report.js";
import { CROSS_APP_SECTION } from "./report-section.js";
import { medianMeasure, ratioRow, type VariantSummaryInput, writeVariantSection } from "./variant-section.js";

/** ID-JAG redemption within 3 % of the plain exchange's throughput. */
const TARGET_RATIO = 0.97;

export interface CrossAppSummaryInput extends VariantSummaryInput {
  /** The one-core crypto rates, ES256 among them. */
  readonly ceiling: readonly CeilingRow[];
}

export function writeCrossAppSummary(input: CrossAppSummaryInput): void {
  const { runs, rounds, connections } = input;
  const idJag = pairRatios(runs, rounds, ID_JAG, PLAIN);
  const exchange = pairRatios(runs, rounds, EXCHANGE, PLAIN);
  const es256 = input.ceiling.find((row) => row.alg === "ES256");
  if (es256 === undefined) throw new Error("the ceiling was measured without ES256");
  // A token exchange verifies the subject and the actor tokens and signs one access token.
  const joseCeiling = oneCoreCeiling(es256.joseVerify, es256.joseSign, 2);
  const nodeCeiling = oneCoreCeiling(es256.nodeVerify, es256.nodeSign, 2);
  const exchangeRate = median(
    runs.filter((r) => r.target === EXCHANGE).map((r) => r.result.requestsPerSecond),
  );
  const errors = runs.reduce((sum, r) => sum + r.result.errors + r.result.non2xx, 0);
  const atLeast = `≥ ${TARGET_RATIO.toFixed(2)}×`;
  const share = (ceiling: number) => `${((exchangeRate / ceiling) * 100).toFixed(1)} %`;
  writeVariantSection({
    ...input,
    section: CROSS_APP_SECTION,
    heading: "Cross-app access: ID-JAG redemption and token exchange ÷ the plain exchange, pair by pair",
    intro: [
      "One server trusts one IdP; one confidential client may request one resource and exchange tokens. Three",
      "kinds of token request, all ES256: an ID-JAG at the jwt-bearer grant (its `resource` claim becomes the",
      "access token's `aud`), a plain assertion at the same grant, and a token exchange of a subject JWT with an",
      "actor JWT (two verifications and one signature; the access token carries `act`). Before the rounds, one",
      "request of each kind must be answered as that kind is (status, `aud`, `act`, `issued_token_type`, no",
      `refresh token). A round runs each kind at c=${connections} for ${input.durationSeconds} s; the order reverses from round to`,
      "round, with the plain assertion always in the middle, and every kind first gets an unmeasured warm-up load.",
    ],
    profileNote:
      "where an ID-JAG's and an exchange's cost goes: [PROFILE.md](PROFILE.md#the-cross-app-access-variant)",
    measures: [
      medianMeasure(
        `throughput, ID-JAG ÷ plain assertion (median of ${rounds} pairs, c=${connections})`,
        idJag.throughput,
        atLeast,
      ),
      medianMeasure(
        `throughput, ID-JAG ÷ plain assertion, only the ${idJag.saturatedThroughput.length} pairs whose runs both kept the server at ≥ ${SATURATED * 100} % of its core`,
        idJag.saturatedThroughput,
        atLeast,
      ),
      medianMeasure(
        `server CPU per exchange, ID-JAG ÷ plain assertion (median of ${rounds} pairs)`,
        idJag.cpuPerExchange,
        `≤ ${(1 / TARGET_RATIO).toFixed(2)}×`,
      ),
      `| token exchange throughput (median of ${rounds} runs, c=${connections}) | ${exchangeRate.toFixed(0)} req/s | |`,
      `| token exchange ÷ its one-core ceiling with jose, 2 ES256 verifies + 1 sign (${joseCeiling.toFixed(0)}/s) | ${share(joseCeiling)} | |`,
      `| token exchange ÷ the same ceiling with node:crypto, the server's crypto (${nodeCeiling.toFixed(0)}/s) | ${share(nodeCeiling)} | |`,
      medianMeasure(
        `throughput, token exchange ÷ plain assertion (median of ${rounds} pairs)`,
        exchange.throughput,
        "",
      ),
      medianMeasure(
        `server CPU per exchange, token exchange ÷ plain assertion (median of ${rounds} pairs)`,
        exchange.cpuPerExchange,
        "",
      ),
      `| errors and non-2xx (all runs) | ${errors} | 0 |`,
    ],
    targetColumn: "request",
    runs,
    tables: [
      `| ÷ plain assertion, c=${connections} | ratios, round by round | median |`,
      "|---|---|---|",
      ratioRow("ID-JAG, throughput", idJag.throughput),
      ratioRow("ID-JAG, server CPU per exchange", idJag.cpuPerExchange),
      ratioRow("token exchange, throughput", exchange.throughput),
      ratioRow("token exchange, server CPU per exchange", exchange.cpuPerExchange),
      "",
      "| ES256 on one core, ops/s | verify | sign | 1 verify + 1 sign | 2 verifies + 1 sign |",
      "|---|---|---|---|---|",
      ...(
        [
          ["jose", es256.joseVerify, es256.joseSign],
          ["node:crypto", es256.nodeVerify, es256.nodeSign],
        ] as const
      ).map(
        ([library, verify, sign]) =>
          `| ${library} | ${verify.toFixed(0)} | ${sign.toFixed(0)} | ${oneCoreCeiling(verify, sign).toFixed(0)} | ${oneCoreCeiling(verify, sign, 2).toFixed(0)} |`,
      ),
    ],
  });
  process.stdout.write(
    `ratio_id_jag_vs_plain=${median(idJag.throughput).toFixed(3)} cpu_ratio_id_jag_vs_plain=${median(idJag.cpuPerExchange).toFixed(3)} exchange_rps=${exchangeRate.toFixed(0)} exchange_ceiling_fraction=${(exchangeRate / joseCeiling).toFixed(3)} ratio_exchange_vs_plain=${median(exchange.throughput).toFixed(3)} errors=${errors}\n`,
  );
}
