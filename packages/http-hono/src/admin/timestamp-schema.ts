import { z } from "@hono/zod-openapi";

/** An instant on the wire: an ISO 8601 string in UTC, as `Date.prototype.toISOString` writes it. */
export const TimestampSchema = z
  .string()
  .openapi({ format: "date-time", example: "2027-01-01T00:00:00.000Z" });
