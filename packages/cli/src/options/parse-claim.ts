import { InvalidArgumentError } from "commander";

/**
 * One `--claim name=value`, collected with the earlier ones. The value is JSON when it parses as JSON
 * (`exp=1700000000` is a number, `roles=["a","b"]` an array), a string otherwise.
 */
export function collectClaim(
  text: string,
  previous: readonly (readonly [string, unknown])[] | undefined,
): (readonly [string, unknown])[] {
  const separator = text.indexOf("=");
  if (separator < 1) throw new InvalidArgumentError("must be name=value");
  const raw = text.slice(separator + 1);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  return [...(previous ?? []), [text.slice(0, separator), value]];
}
