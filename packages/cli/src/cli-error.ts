/**
 * A failure the user can act on: printed as one line, exit code 1. Usage errors are commander's own or
 * `UsageError`s (exit 2).
 */
export class CliError extends Error {
  override readonly name = "CliError";
}
