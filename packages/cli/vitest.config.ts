import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The work happens in child processes (the CLI, the server): the default of one worker fewer than
    // the cores would leave one of two cores idle.
    maxWorkers: "100%",
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
  },
});
