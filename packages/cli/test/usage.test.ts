import { describe, expect, it } from "vitest";
import { failureLine, runCli } from "./support/run-cli.js";

const COMMANDS = [
  [],
  ["issuers"],
  ["issuers", "add"],
  ["issuers", "list"],
  ["issuers", "show"],
  ["issuers", "update"],
  ["issuers", "remove"],
  ["clients"],
  ["clients", "add"],
  ["clients", "list"],
  ["clients", "show"],
  ["clients", "update"],
  ["clients", "remove"],
  ["clients", "rotate-secret"],
  ["keys"],
  ["keys", "list"],
  ["keys", "rotate"],
  ["keys", "reencrypt"],
  ["explain"],
  ["keygen"],
  ["assertion"],
  ["token"],
  ["decode"],
  ["migrate"],
];

describe("usage", () => {
  it.each(COMMANDS.map((command) => [command.join(" ") || "jwtgrant", command]))(
    "%s --help prints its usage and exits 0",
    async (_, command) => {
      const result = await runCli([...command, "--help"]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout).toMatch(new RegExp(`^Usage: ${["jwtgrant", ...command].join(" ")} `));
    },
  );

  it.each([
    [["keygen", "--out", "x", "--bogus"], "jwtgrant: unknown option '--bogus'"],
    [["decode", "--verbose", "a.b.c"], "jwtgrant: unknown option '--verbose'"],
    [
      ["issuers", "list", "--admin-token", "t", "--jsn"],
      "jwtgrant: unknown option '--jsn' (Did you mean --json?)",
    ],
    [
      ["token", "--client-id", "c", "--client-secret", "s", "--assertoin", "x"],
      "jwtgrant: unknown option '--assertoin' (Did you mean --assertion?)",
    ],
    [["isuers", "list"], "jwtgrant: unknown command 'isuers' (Did you mean issuers?)"],
  ])("%j is a usage error: one line, exit 2", async (args, line) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(failureLine(result)).toBe(line);
  });

  it("shows the group's help on stderr and exits 2 when a subcommand is missing", async () => {
    const result = await runCli(["clients"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Usage: jwtgrant clients /);
  });
});
