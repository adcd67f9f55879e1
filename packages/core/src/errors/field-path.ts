/** Where a problem is in a request body: its keys and array indexes from the top, e.g. `jwks`, `keys`, `0`. */
export type FieldPath = readonly [string, ...(string | number)[]];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A path as the admin API writes it: dots before identifier keys, `[n]` for indexes, and a JSON-quoted
 * `["…"]` for any other key, e.g. `rules[0].when["/kubernetes.io/namespace"]`.
 */
export function formatFieldPath(path: readonly (string | number)[]): string {
  return path
    .map((segment, index) => {
      if (typeof segment === "number") return `[${segment}]`;
      if (!IDENTIFIER.test(segment)) return `[${JSON.stringify(segment)}]`;
      return index === 0 ? segment : `.${segment}`;
    })
    .join("");
}
