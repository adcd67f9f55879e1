// A section of bench/README.md that one kind of run owns: written between two comment markers, it is replaced
// by the next run of its kind and kept, as it stands, by the runs of every other kind.
import { existsSync, readFileSync } from "node:fs";

/** The section of the trust-policy variant (`--policy`), which the full run keeps. */
export const POLICY_SECTION = "policy-variant";
/** The section of the cross-app access variant (`--cross-app`), which the full run keeps. */
export const CROSS_APP_SECTION = "cross-app-variant";
/** Every variant's section, in the order the full run writes them back. */
export const VARIANT_SECTIONS = [POLICY_SECTION, CROSS_APP_SECTION] as const;

const markers = (name: string) => [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`] as const;

/** The section `name` of the report at `path`, markers included, or `null` when it has none. */
export function sectionOf(path: string, name: string): string | null {
  if (!existsSync(path)) return null;
  const text = readFileSync(path, "utf8");
  const [start, end] = markers(name);
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  return from === -1 || to === -1 ? null : text.slice(from, to + end.length);
}

/** `text` with its section `name` replaced by `lines` (appended when it has none), markers around them. */
export function withSection(text: string, name: string, lines: readonly string[]): string {
  const [start, end] = markers(name);
  const section = [start, ...lines, end].join("\n");
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  if (from === -1 || to === -1) return `${text.trimEnd()}\n\n${section}\n`;
  return `${text.slice(0, from)}${section}${text.slice(to + end.length)}`;
}
