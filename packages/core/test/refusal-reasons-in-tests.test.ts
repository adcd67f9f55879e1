import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REFUSAL_REASONS } from "../src/errors/refusal-reason.js";

const ROOT = join(import.meta.dirname, "../../..");

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === "node_modules" || entry.name === "dist") return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith(".test.ts") && entry.name !== "refusal-reasons-in-tests.test.ts" ? [path] : [];
  });
}

describe("the refusal reasons", () => {
  it("are unique", () => {
    expect(new Set(REFUSAL_REASONS).size).toBe(REFUSAL_REASONS.length);
  });

  // A static check: it reads the test sources of every package, it does not watch the tests run. A reason
  // named in a test file as a quoted literal is one some test expects a refusal to carry.
  it("each appear quoted in a test file of some package", () => {
    const sources = [join(ROOT, "packages"), join(ROOT, "apps")]
      .flatMap(testFiles)
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    const unnamed = REFUSAL_REASONS.filter((reason) => !sources.includes(`"${reason}"`));
    expect(unnamed).toEqual([]);
  });
});
