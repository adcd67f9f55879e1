import type { z } from "@hono/zod-openapi";
import { invalidRequest } from "@jwtgrant/core";
import type { Context } from "hono";
import { describeError, errorResponse } from "../errors/error-response.js";

type ValidationResult = { readonly success: true } | { readonly success: false; readonly error: z.ZodError };

/** A path in the wire's own terms, as core names fields: `jwks.keys[0].kty`. */
function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === "number" ? `[${segment}]` : `${index === 0 ? "" : "."}${String(segment)}`,
    )
    .join("");
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  const prefix = issue.path.length === 0 ? "" : `${fieldName(issue.path)}.`;
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => `${prefix}${key}: is not a known field`);
  }
  return [`${issue.path.length === 0 ? "request body" : fieldName(issue.path)}: ${issue.message}`];
}

/** How many problems a refusal lists; a body with thousands of bad elements must not get one line each back. */
export const MAX_LISTED_ISSUES = 10;

function listProblems(problems: readonly string[]): string {
  const listed = problems.slice(0, MAX_LISTED_ISSUES).join("; ");
  const more = problems.length - MAX_LISTED_ISSUES;
  return more > 0 ? `${listed}; and ${more} more` : listed;
}

/**
 * The `defaultHook` of the admin API: a body or path that fails its schema is `invalid_request` naming
 * the offending fields (the first ten, and how many more), in the same `field: problem` form as core's own
 * field errors.
 */
export function rejectInvalidInput(result: ValidationResult, c: Context): Response | undefined {
  if (result.success) return undefined;
  const description = listProblems(result.error.issues.flatMap(describeIssue));
  return errorResponse(c, describeError(invalidRequest(description, { reason: "invalid_field" })));
}
