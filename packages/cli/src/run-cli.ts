import { redactUrlUserinfo } from "@jwtgrant/core";
import { CommanderError } from "commander";
import { createProgram } from "./program.js";
import { UsageError } from "./usage-error.js";

/** Exit codes: 0 success, 1 a failed operation, 2 a usage error (the shell convention for misuse). */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** One line, and never a URL's password: a driver's message may quote the connection string. */
function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return redactUrlUserinfo(text.trim().replace(/\s*\n\s*/g, " "));
}

/** Runs one command line (`process.argv` shape) and resolves the exit code; failures are one line on stderr. */
export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    // Commander has already printed its own message (or the help that was asked for).
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
    process.stderr.write(`jwtgrant: ${message(error)}\n`);
    return error instanceof UsageError ? EXIT_USAGE : EXIT_FAILURE;
  }
}
