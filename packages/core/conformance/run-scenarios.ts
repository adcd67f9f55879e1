// Runs the scenarios one after another and keeps each outcome as plain data, so that a runtime which cannot
// write files (a worker, a page) can hand the outcomes to a driver that can.
import type { Scenario } from "./scenarios.ts";

export interface ScenarioOutcome {
  readonly name: string;
  /** Why the scenario failed; absent when it passed. */
  readonly failure?: string;
}

export async function runScenarios(scenarios: readonly Scenario[]): Promise<ScenarioOutcome[]> {
  const outcomes: ScenarioOutcome[] = [];
  for (const scenario of scenarios) {
    try {
      await scenario.run();
      outcomes.push({ name: scenario.name });
    } catch (error) {
      outcomes.push({
        name: scenario.name,
        failure: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return outcomes;
}
