// The conformance scenarios in a page: they start when the module loads, and the driver awaits the promise
// of their outcomes that the page exposes.
import { runScenarios, type ScenarioOutcome } from "./run-scenarios.ts";
import { scenarios } from "./scenarios.ts";

declare global {
  var conformanceOutcomes: Promise<ScenarioOutcome[]> | undefined;
}

globalThis.conformanceOutcomes = runScenarios(scenarios);
