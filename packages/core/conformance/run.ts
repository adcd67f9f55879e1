// Runs the conformance scenarios on whichever runtime executes this file (Bun, Deno or Node) and writes
// the counts where the workspace test runner totals them.
import { mkdir, writeFile } from "node:fs/promises";
import { scenarios } from "./scenarios.ts";

const runtime = "Bun" in globalThis ? "bun" : "Deno" in globalThis ? "deno" : "node";
let passed = 0;
let failed = 0;
for (const scenario of scenarios) {
  try {
    await scenario.run();
    passed += 1;
    console.log(`  ok    ${scenario.name}`);
  } catch (error) {
    failed += 1;
    console.log(`  FAIL  ${scenario.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
await mkdir(new URL("../test-results/", import.meta.url), { recursive: true });
await writeFile(
  new URL(`../test-results/conformance-${runtime}.json`, import.meta.url),
  JSON.stringify({ numPassedTests: passed, numFailedTests: failed }),
);
console.log(`conformance on ${runtime}: ${passed} passed, ${failed} failed`);
if (failed > 0 || passed === 0) throw new Error(`${failed} conformance scenario(s) failed on ${runtime}`);
