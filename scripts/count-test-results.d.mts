export interface TestTotals {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  /** One line per thing that counted as failed without a failed test to show for it. */
  readonly problems: readonly string[];
}

export function countTestResults(packageDirs: readonly string[], taskFailed: boolean): TestTotals;
