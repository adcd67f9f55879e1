import type { IssuerPreset } from "../presets/issuer-preset.js";
import type { IssuerOptions } from "./issuer-options.js";
import { readRuleFile } from "./read-rule-file.js";

/**
 * The `rules` to send: those of `--rule-file` or of the preset, `null` to remove them (`--no-rules`), or
 * `undefined` to leave them as they are.
 */
export async function issuerRules(
  options: IssuerOptions,
  preset: IssuerPreset | null,
): Promise<readonly unknown[] | null | undefined> {
  if (options.rules === false) return null;
  if (options.ruleFile !== undefined) return readRuleFile(options.ruleFile);
  return preset?.rules;
}
