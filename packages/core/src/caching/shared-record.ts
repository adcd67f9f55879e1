/**
 * A record (or list of records) handed to many callers is frozen once, so no caller can change what the
 * others see, except through Dates, which freezing cannot protect. Domain records keep their instants at
 * the top level: `handOut` gives each caller its own copies of those and shares the frozen rest.
 */
export function shareRecord<T>(value: T): T {
  if (typeof value !== "object" || value === null || value instanceof Date || Object.isFrozen(value))
    return value;
  for (const nested of Object.values(value)) shareRecord(nested);
  return Object.freeze(value);
}

export function handOut<T>(shared: T): T {
  if (Array.isArray(shared)) return shared.map(handOut) as T;
  if (typeof shared !== "object" || shared === null) return shared;
  const copy = { ...(shared as Record<string, unknown>) };
  for (const key in copy) {
    const field = copy[key];
    if (field instanceof Date) copy[key] = new Date(field.getTime());
  }
  return copy as T;
}
