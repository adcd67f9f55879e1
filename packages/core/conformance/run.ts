// Runs the conformance scenarios on whichever runtime executes this file (Bun, Deno or Node) and writes
// the counts where the workspace test runner totals them.
import { reportOutcomes } from "./report-outcomes.ts";
import { runScenarios } from "./run-scenarios.ts";
import { scenarios } from "./scenarios.ts";

const runtime = "Bun" in globalThis ? "bun" : "Deno" in globalThis ? "deno" : "node";
await reportOutcomes(runtime, await runScenarios(scenarios));
