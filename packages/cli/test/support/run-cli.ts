import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const bin = fileURLToPath(new URL("../../dist/bin.js", import.meta.url));

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The variables the CLI reads: cleared, so that the developer's own settings cannot leak into a test. */
const CLI_VARIABLES = [
  "JWTGRANT_URL",
  "JWTGRANT_ADMIN_TOKEN",
  "JWTGRANT_CLIENT_ID",
  "JWTGRANT_CLIENT_SECRET",
  "JWTGRANT_CACERT",
  "JWTGRANT_DATA_DIR",
  "DATABASE_URL",
  "JWTGRANT_SECRETS",
];

/**
 * Runs the built bin (`node dist/bin.js …`) as a subprocess, with `input` on its standard input (closed
 * at once without it); resolves whatever its exit code.
 */
export function runCli(
  args: readonly string[],
  options: {
    readonly env?: Readonly<Record<string, string>>;
    readonly cwd?: string;
    readonly input?: string;
  } = {},
): Promise<CliResult> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of CLI_VARIABLES) delete env[name];
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...env, ...options.env }, ...(options.cwd === undefined ? {} : { cwd: options.cwd }) },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(options.input);
  });
}

/** The one-line failure every command prints: exactly one line, starting with `jwtgrant: `. */
export function failureLine(result: CliResult): string {
  const lines = result.stderr.split("\n").filter((line) => line !== "");
  if (lines.length !== 1 || !lines[0]?.startsWith("jwtgrant: ")) {
    throw new Error(`expected one "jwtgrant: " line on stderr, got: ${JSON.stringify(result.stderr)}`);
  }
  return lines[0];
}

/** The standard output of a run that succeeded quietly: exit code 0 and nothing on stderr. */
export function ok(result: CliResult): string {
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return result.stdout;
}
