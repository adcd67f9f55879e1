// Runs the JwsCrypto contract of node:crypto under Bun's own test runner, as the server injects that crypto
// on Bun too, and writes the counts where the workspace test runner totals them.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const junit = "test-results/bun-junit.xml";
mkdirSync("test-results", { recursive: true });
const run = spawnSync(
  "bun",
  ["test", "test/node-jws-crypto.test.ts", "--reporter=junit", `--reporter-outfile=${junit}`],
  { stdio: "inherit" },
);
const suites = existsSync(junit) ? (readFileSync(junit, "utf8").match(/<testsuites\b[^>]*>/)?.[0] ?? "") : "";
const count = (name) => Number(suites.match(new RegExp(`\\b${name}="(\\d+)"`))?.[1] ?? 0);
const failed = count("failures") + count("errors");
writeFileSync(
  "test-results/bun.json",
  JSON.stringify({
    numPassedTests: count("tests") - failed - count("skipped"),
    numFailedTests: failed,
    numPendingTests: count("skipped"),
  }),
);
process.exit(run.status ?? 1);
