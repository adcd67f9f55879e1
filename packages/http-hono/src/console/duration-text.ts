const UNITS: readonly [number, string][] = [
  [86_400, "d"],
  [3_600, "h"],
  [60, "min"],
];

/** A number of seconds in the largest unit that fits whole, rounded down: `900` → `15 min`. */
export function durationText(seconds: number): string {
  const length = Math.abs(seconds);
  const unit = UNITS.find(([size]) => length >= size);
  return unit === undefined ? `${length} s` : `${Math.floor(length / unit[0])} ${unit[1]}`;
}
