// Prints each scenario's outcome and writes the counts where the workspace test runner totals them; a run
// with a failure, or with no scenario at all, throws.
import { mkdir, writeFile } from "node:fs/promises";
import type { ScenarioOutcome } from "./run-scenarios.ts";

export async function reportOutcomes(runtime: string, outcomes: readonly ScenarioOutcome[]): Promise<void> {
  for (const { name, failure } of outcomes) {
    console.log(failure === undefined ? `  ok    ${name}` : `  FAIL  ${name}: ${failure}`);
  }
  const failed = outcomes.filter((outcome) => outcome.failure !== undefined).length;
  const passed = outcomes.length - failed;
  await mkdir(new URL("../test-results/", import.meta.url), { recursive: true });
  await writeFile(
    new URL(`../test-results/conformance-${runtime}.json`, import.meta.url),
    JSON.stringify({ numPassedTests: passed, numFailedTests: failed }),
  );
  console.log(`conformance on ${runtime}: ${passed} passed, ${failed} failed`);
  if (failed > 0 || passed === 0) throw new Error(`${failed} conformance scenario(s) failed on ${runtime}`);
}
