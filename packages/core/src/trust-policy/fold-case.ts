const ASCII_UPPER = /[A-Z]+/g;

/**
 * `value` with the ASCII letters A–Z lowered, for `ignore_case`. Only ASCII folds: full Unicode lowering
 * would let a non-ASCII character stand for an ASCII one (the Kelvin sign for `k`, `İ` for `i̇`), and would
 * change lengths under a glob's `?`.
 */
export function foldCase(value: string): string {
  return value.replace(ASCII_UPPER, (letters) => letters.toLowerCase());
}
