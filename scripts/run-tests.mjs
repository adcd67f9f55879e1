#!/usr/bin/env node
// Runs every package's test tasks through turbo, then totals what each suite reported, so that a run in
// which no test executed cannot look like a pass. Suites write their counts under <package>/test-results/.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { countTestResults } from "./count-test-results.mjs";

const root = new URL("..", import.meta.url).pathname;
const packageDirs = ["packages", "apps"]
  .flatMap((group) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group)).map((name) => join(root, group, name))
      : [],
  )
  .concat(existsSync(join(root, "bench")) ? [join(root, "bench")] : []);

for (const dir of packageDirs) rmSync(join(dir, "test-results"), { recursive: true, force: true });

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `jwtgrant tests: Chromium is missing at ${chromium}, so the browser suites (the console's, core's conformance) will fail: apt-get install chromium, or set CHROMIUM_PATH`,
  );
}

const turbo = spawnSync(
  "pnpm",
  [
    "exec",
    "turbo",
    "run",
    "test",
    "test:bun",
    "test:deno",
    "test:workerd",
    "test:browser",
    "--continue",
    "--output-logs=new-only",
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: "inherit" },
);

const { passed, failed, skipped, problems } = countTestResults(packageDirs, turbo.status !== 0);
for (const problem of problems) console.error(`jwtgrant tests: ${problem}`);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
process.exit(turbo.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
