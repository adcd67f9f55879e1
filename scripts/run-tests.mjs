#!/usr/bin/env node
// Runs every package's test tasks through turbo, then totals what each suite reported, so that a run in
// which no test executed cannot look like a pass. Suites write their counts under <package>/test-results/.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

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
    `jwtgrant tests: Chromium is missing at ${chromium}, so the console's browser suite will fail: apt-get install chromium, or set CHROMIUM_PATH`,
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
    "--continue",
    "--output-logs=new-only",
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: "inherit" },
);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const dir of packageDirs) {
  const results = join(dir, "test-results");
  const reports = existsSync(results) ? readdirSync(results).filter((name) => name.endsWith(".json")) : [];
  // Each test script writes one report; a script that died before writing one (a runtime refusing to load
  // a module, say) ran no test, and counts as one failed.
  const scripts = Object.keys(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).scripts ?? {});
  // A package with no report at all was not run (a filtered run); a failed task is still caught below.
  const missing =
    reports.length === 0 ? 0 : scripts.filter((name) => /^test(:|$)/.test(name)).length - reports.length;
  if (missing > 0) {
    console.error(`jwtgrant tests: ${missing} test script(s) of ${dir.slice(root.length)} wrote no results`);
    failed += missing;
  }
  for (const file of reports) {
    const report = JSON.parse(readFileSync(join(results, file), "utf8"));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    // A file that failed outside its tests (a hook, an import) reports them as skipped: count the file.
    failed += (report.testResults ?? []).filter(
      (file) => file.status === "failed" && !file.assertionResults?.some((test) => test.status === "failed"),
    ).length;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
}

if (turbo.status !== 0 && failed === 0) {
  // A task failed without a failed test to show for it: it failed outside any test, so it counts as one.
  console.error("jwtgrant tests: a test task failed outside its tests; see its output above");
  failed = 1;
}

console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
process.exit(turbo.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
