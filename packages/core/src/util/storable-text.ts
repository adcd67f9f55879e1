// Global, for `replace`; `search` ignores the flag (and `lastIndex`), so one pattern serves both.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what is looked for.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Whether a string is text every storage keeps as it is: no NUL, and no UTF-16 surrogate without its
 * pair. PostgreSQL refuses both (in `text` and in `jsonb`), so such a value from a request must be refused
 * as bad input before it reaches a query, where it would fail as a server error.
 */
export function isStorableText(value: string): boolean {
  return value.search(UNSTORABLE) === -1;
}

/** `value` with each NUL and unpaired surrogate replaced by U+FFFD, for records of what was presented. */
export function toStorableText(value: string): string {
  return isStorableText(value) ? value : value.replace(UNSTORABLE, "\uFFFD");
}
