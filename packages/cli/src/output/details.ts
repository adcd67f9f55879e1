import { formatValue } from "./format-value.js";

/**
 * One record as "label  value" lines, labels aligned; a multi-line value (a PEM certificate) continues
 * under its first line rather than at the margin, so the labels stay readable.
 */
export function formatDetails(entries: readonly (readonly [string, unknown])[]): string {
  const width = Math.max(0, ...entries.map(([label]) => label.length));
  return entries
    .map(([label, value]) => {
      const [first = "", ...rest] = formatValue(value).trimEnd().split("\n");
      return [`${label.padEnd(width)}  ${first}`, ...rest.map((line) => `${" ".repeat(width + 2)}${line}`)]
        .join("\n")
        .trimEnd();
    })
    .join("\n")
    .concat("\n");
}
