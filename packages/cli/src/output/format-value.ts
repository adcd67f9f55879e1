/** One cell of human output: absent values as "-", lists joined, nested objects as compact JSON. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "-";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "-" : value.map(formatValue).join(", ");
  return JSON.stringify(value);
}
