import { CliError } from "../cli-error.js";
import { inputName, readInput } from "../files/read-input.js";

/** Well above the server's own bound on a policy (64 KiB as JSON), so that the server names the problem. */
const MAX_RULE_FILE_BYTES = 1_048_576;

/**
 * The rules of `--rule-file` (a path, or `-` for standard input): a JSON array, sent as it is. What each rule
 * holds is the server's to check, so that its messages name the field (`rules[1].when.ref: …`).
 */
export async function readRuleFile(path: string): Promise<unknown[]> {
  const text = await readInput(path, MAX_RULE_FILE_BYTES);
  let rules: unknown;
  try {
    rules = JSON.parse(text);
  } catch {
    throw new CliError(`${inputName(path)} is not valid JSON`);
  }
  if (!Array.isArray(rules)) {
    throw new CliError(
      `${inputName(path)} must hold a JSON array of rules, e.g. [{"name": "…", "when": {…}}]`,
    );
  }
  return rules;
}
