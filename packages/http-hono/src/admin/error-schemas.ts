import { z } from "@hono/zod-openapi";
import { jsonContent } from "./json-content.js";

export const ErrorSchema = z
  .object({
    error: z.string(),
    error_description: z.string(),
    field: z
      .string()
      .optional()
      .openapi({
        description:
          "The path of the first bad field of a 400, e.g. `jwks.keys[0]`: dots before names, `[n]` for " +
          'indexes, `["…"]` for keys that are not names. Absent when the problem is not one field\'s.',
      }),
  })
  .openapi("Error", {
    example: { error: "invalid_request", error_description: "issuer: is required", field: "issuer" },
  });

const withErrorBody = (description: string) => ({
  description,
  content: jsonContent(ErrorSchema),
});

/** The error responses of the admin routes, for their OpenAPI description: every error has the same body. */
export const ERROR_RESPONSES = {
  400: withErrorBody("A field is missing, unknown or invalid, or the body is not JSON (`invalid_request`)"),
  401: withErrorBody("No valid admin bearer token (`invalid_token`)"),
  404: withErrorBody("No record with this id (`not_found`)"),
  409: withErrorBody("A record with this unique value exists (`conflict`)"),
} as const;
