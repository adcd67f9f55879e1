// Checks what a worker or a page handed back before it is counted: anything but a list of outcomes is a
// failed run, not zero scenarios.
import type { ScenarioOutcome } from "./run-scenarios.ts";

function isOutcome(value: unknown): value is ScenarioOutcome {
  if (typeof value !== "object" || value === null || !("name" in value) || typeof value.name !== "string") {
    return false;
  }
  return !("failure" in value) || typeof value.failure === "string";
}

export function parseOutcomes(value: unknown, from: string): ScenarioOutcome[] {
  if (!Array.isArray(value) || !value.every(isOutcome)) {
    throw new Error(`${from} handed back no scenario outcomes: ${JSON.stringify(value)}`);
  }
  return value;
}
