/** A JSON object of a request: neither `null` nor an array. */
export function isWireObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The first own key of `object`, in its order, that is not among `known`. */
export function firstUnknownKey(object: object, known: readonly string[]): string | undefined {
  return Object.keys(object).find((key) => !known.includes(key));
}

const INDEX_LIKE = /^(?:0|[1-9][0-9]*)$/;

/**
 * Whether a JavaScript object would move this key ahead of the others: digits-only keys are enumerated
 * first, in numeric order, whatever order they were written in.
 */
export function isIndexLikeKey(key: string): boolean {
  return INDEX_LIKE.test(key);
}
