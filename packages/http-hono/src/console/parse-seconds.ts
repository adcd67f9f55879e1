/**
 * A duration typed into a form: `null` when left empty, for the default; `NaN` when not a whole number, which
 * core refuses beside the field as it refuses any other out-of-range value.
 */
export function parseSeconds(text: string): number | null {
  if (text === "") return null;
  return /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
}
