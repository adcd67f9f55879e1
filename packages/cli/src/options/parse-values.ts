import { InvalidArgumentError } from "commander";

/** Argument parsers for commander: a bad value is a usage error (exit 2) naming the option. */

export function parseHttpUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError("must be an http or https URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InvalidArgumentError("must be an http or https URL");
  }
  return url;
}

export function parseNonEmpty(value: string): string {
  if (value.trim() === "") throw new InvalidArgumentError("must not be empty");
  return value;
}

export function parsePositiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError("must be a positive whole number");
  }
  return Number(value);
}

export function parseCommaList(value: string): string[] {
  const items = value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  if (items.length === 0) throw new InvalidArgumentError("must list at least one value, separated by commas");
  return items;
}

/** For a repeatable option: each occurrence adds one value. */
export function collect(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * A platform's numeric id (a GitHub repository, a GitLab project), kept as the string its tokens carry:
 * digits only, no leading zero, at most 20 digits.
 */
export function parseNumericId(value: string): string {
  if (!/^[1-9][0-9]{0,19}$/.test(value)) throw new InvalidArgumentError("must be a numeric id, e.g. 1342004");
  return value;
}
