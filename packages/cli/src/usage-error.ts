/**
 * A command line that cannot work, found after commander has parsed it (an option that another one requires,
 * a value that does not fit the preset): printed as one line, exit code 2, as commander's own usage errors.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
