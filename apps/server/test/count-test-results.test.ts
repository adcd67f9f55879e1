import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countTestResults } from "../../../scripts/count-test-results.mjs";

/** A package with these test scripts and these reports under its test-results folder. */
async function fakePackage(scripts: readonly string[], reports: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "jwtgrant-count-"));
  await writeFile(
    join(dir, "package.json"),
    JSON.stringify({ scripts: Object.fromEntries(scripts.map((name) => [name, "true"])) }),
  );
  await mkdir(join(dir, "test-results"));
  for (const [name, report] of Object.entries(reports)) {
    await writeFile(join(dir, "test-results", name), JSON.stringify(report));
  }
  return dir;
}

describe("the test total (pnpm test's last line)", () => {
  it("adds up every package's reports", async () => {
    const a = await fakePackage(["test"], { "vitest.json": { numPassedTests: 3, numPendingTests: 1 } });
    const b = await fakePackage(["test", "test:bun"], {
      "vitest.json": { numPassedTests: 2, numFailedTests: 1 },
      "bun.json": { numPassedTests: 4 },
    });
    expect(countTestResults([a, b], true)).toEqual({ passed: 9, failed: 1, skipped: 1, problems: [] });
  });

  it("counts a test script that wrote no report as failed, and a package with none as not run", async () => {
    const partial = await fakePackage(["test", "test:bun", "test:deno"], {
      "vitest.json": { numPassedTests: 5 },
      "conformance-bun.json": { numPassedTests: 18 },
    });
    const notRun = await fakePackage(["test"], {});
    const totals = countTestResults([partial, notRun], true);
    expect(totals).toMatchObject({ passed: 23, failed: 1 });
    expect(totals.problems).toEqual([`1 test script(s) of ${partial} wrote no results`]);
  });

  it("counts a file that failed outside its tests, and a task that failed with no failed test", async () => {
    const hook = await fakePackage(["test"], {
      "vitest.json": {
        numPassedTests: 1,
        testResults: [{ status: "failed", assertionResults: [{ status: "skipped" }] }],
      },
    });
    expect(countTestResults([hook], true)).toMatchObject({ passed: 1, failed: 1 });
    const quiet = await fakePackage(["test"], { "vitest.json": { numPassedTests: 7 } });
    expect(countTestResults([quiet], false)).toEqual({ passed: 7, failed: 0, skipped: 0, problems: [] });
    expect(countTestResults([quiet], true)).toEqual({
      passed: 7,
      failed: 1,
      skipped: 0,
      problems: ["a test task failed outside its tests; see its output above"],
    });
  });
});
