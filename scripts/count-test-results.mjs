// Totals what each package's test scripts reported under <package>/test-results/, so that a run in which no
// test executed, or a script that died before reporting, cannot look like a pass.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * @param {readonly string[]} packageDirs
 * @param {boolean} taskFailed whether the task runner reported a failed task
 * @returns {{ passed: number, failed: number, skipped: number, problems: string[] }}
 */
export function countTestResults(packageDirs, taskFailed) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const problems = [];
  for (const dir of packageDirs) {
    const results = join(dir, "test-results");
    const reports = existsSync(results) ? readdirSync(results).filter((name) => name.endsWith(".json")) : [];
    // Each test script writes one report; a script that died before writing one (a runtime refusing to load
    // a module, say) ran no test, and counts as one failed. A package with no report at all was not run (a
    // filtered run); a failed task is still caught below.
    const scripts = Object.keys(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).scripts ?? {});
    const missing =
      reports.length === 0 ? 0 : scripts.filter((name) => /^test(:|$)/.test(name)).length - reports.length;
    if (missing > 0) {
      problems.push(`${missing} test script(s) of ${dir} wrote no results`);
      failed += missing;
    }
    for (const file of reports) {
      const report = JSON.parse(readFileSync(join(results, file), "utf8"));
      passed += report.numPassedTests ?? 0;
      failed += report.numFailedTests ?? 0;
      // A file that failed outside its tests (a hook, an import) reports them as skipped: count the file.
      failed += (report.testResults ?? []).filter(
        (file) =>
          file.status === "failed" && !file.assertionResults?.some((test) => test.status === "failed"),
      ).length;
      skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    }
  }
  if (taskFailed && failed === 0) {
    // A task failed without a failed test to show for it: it failed outside any test, so it counts as one.
    problems.push("a test task failed outside its tests; see its output above");
    failed = 1;
  }
  return { passed, failed, skipped, problems };
}
