import type { JsonValue } from "@jwtgrant/core";

function jsonType(value: JsonValue): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/**
 * A claim's value from an assertion, escaped like all text: a string as it is, anything else as JSON with
 * its type beside it, since the rules never take `"1"` for `1`.
 */
export function ClaimValue({ value }: { readonly value: JsonValue | undefined }) {
  if (value === undefined) return <em>missing</em>;
  if (typeof value === "string") {
    return value === "" ? <em>empty string</em> : <code>{value}</code>;
  }
  return (
    <>
      <code>{JSON.stringify(value)}</code> <span class="hint">{jsonType(value)}</span>
    </>
  );
}
