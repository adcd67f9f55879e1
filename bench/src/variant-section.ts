// A variant's section of bench/README.md: what it compares, how and on what it ran, its verdict, its runs and
// its pair-by-pair ratios, between the variant's own markers.
import { readFileSync, writeFileSync } from "node:fs";
import type { MachineFacts } from "./machine.js";
import { median, type RunRecord, runRow } from "./report.js";
import { withSection } from "./report-section.js";

/** What a variant's run hands its summary. */
export interface VariantSummaryInput {
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

export interface VariantSection {
  readonly reportPath: string;
  /** The name of the section's markers. */
  readonly section: string;
  readonly heading: string;
  /** What the variant compares and how a pair is taken. */
  readonly intro: readonly string[];
  readonly command: string;
  readonly facts: MachineFacts;
  readonly notes: readonly string[];
  /** One-minute load averages of the machine just before and just after the measured rounds. */
  readonly load: { readonly before: number; readonly after: number };
  /** The bullet that points to where the variant's cost is explained. */
  readonly profileNote: string;
  /** Rows of the verdict's `| measure | value | target |` table. */
  readonly measures: readonly string[];
  /** The column heading of the targets in the table of runs. */
  readonly targetColumn: string;
  readonly runs: readonly RunRecord[];
  /** The tables after the runs: pair-by-pair ratios and anything else the variant reports. */
  readonly tables: readonly string[];
}

const ratios = (values: readonly number[]) => values.map((value) => value.toFixed(3)).join(", ");

/** A `| what | ratios, round by round | median |` row. */
export const ratioRow = (label: string, values: readonly number[]) =>
  `| ${label} | ${ratios(values)} | ${median(values).toFixed(3)} |`;

/** A verdict row of the median of `values` against a target of `bound`, at least or at most. */
export const medianMeasure = (label: string, values: readonly number[], bound: string) =>
  `| ${label} | ${values.length === 0 ? "n/a" : `${median(values).toFixed(3)}×`} | ${bound} |`;

export function writeVariantSection(input: VariantSection): void {
  const { facts } = input;
  const lines = [
    `## ${input.heading}`,
    "",
    ...input.intro,
    "",
    `- command: \`${input.command}\``,
    `- date: ${new Date().toISOString()}`,
    `- machine: ${facts.cpuModel}, ${facts.cores} cores, Node ${facts.node}`,
    `- pinning: ${facts.pinning ? "the server on core 0, the load generator on core 1 (taskset)" : "taskset unavailable: processes not pinned"}`,
    ...input.notes.map((note) => `- ${note}`),
    `- machine load: one-minute load average ${input.load.before.toFixed(2)} as the run began (it lags, and holds the build just before), ${input.load.after.toFixed(2)} after its last round; the machine is shared, and other people's work ran beside this one: a round whose server CPU is well under 100 % was starved by it`,
    `- ${input.profileNote}`,
    "",
    "| measure | value | target |",
    "|---|---|---|",
    ...input.measures,
    "",
    `| round | ${input.targetColumn} | connections | req/s | p50 ms | p99 ms | non-2xx | errors | server CPU |`,
    "|---|---|---|---|---|---|---|---|---|",
    ...input.runs.map(runRow),
    "",
    ...input.tables,
  ];
  const report = readFileSync(input.reportPath, "utf8");
  writeFileSync(input.reportPath, withSection(report, input.section, lines));
}
