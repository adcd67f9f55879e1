import { UsageError } from "../usage-error.js";

/** A preset's mandatory option, or the usage error that names it: `--preset gitlab needs --namespace-id <id>`. */
export function requiredPresetOption(preset: string, flag: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`--preset ${preset} needs ${flag}`);
  return value;
}
