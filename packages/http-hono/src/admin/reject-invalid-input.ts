import type { z } from "@hono/zod-openapi";
import { type FieldPath, formatFieldPath, invalidRequest } from "@jwtgrant/core";
import type { Context } from "hono";
import { describeError, errorResponse } from "../errors/error-response.js";

type ValidationResult = { readonly success: true } | { readonly success: false; readonly error: z.ZodError };

/** One problem: the field it is about (none for the body as a whole) and what is wrong. */
interface Problem {
  readonly path: FieldPath | undefined;
  readonly problem: string;
}

function fieldPath(path: readonly PropertyKey[]): FieldPath | undefined {
  const segments = path.map((segment) => (typeof segment === "number" ? segment : String(segment)));
  const [first, ...rest] = segments;
  return typeof first === "string" ? [first, ...rest] : undefined;
}

function problems(issue: z.core.$ZodIssue): Problem[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      path: fieldPath([...issue.path, key]),
      problem: "is not a known field",
    }));
  }
  return [{ path: fieldPath(issue.path), problem: issue.message }];
}

const describe = ({ path, problem }: Problem) =>
  `${path === undefined ? "request body" : formatFieldPath(path)}: ${problem}`;

/** How many problems a refusal lists; a body with thousands of bad elements must not get one line each back. */
export const MAX_LISTED_ISSUES = 10;

function listProblems(found: readonly Problem[]): string {
  const listed = found.slice(0, MAX_LISTED_ISSUES).map(describe).join("; ");
  const more = found.length - MAX_LISTED_ISSUES;
  return more > 0 ? `${listed}; and ${more} more` : listed;
}

/**
 * The `defaultHook` of the admin API: a body or path that fails its schema is `invalid_request` naming
 * the offending fields (the first ten, and how many more), in the same `field: problem` form as core's own
 * field errors, and carrying the first problem's path as core's field errors do.
 */
export function rejectInvalidInput(result: ValidationResult, c: Context): Response | undefined {
  if (result.success) return undefined;
  const found = result.error.issues.flatMap(problems);
  const field = found[0]?.path;
  const error = invalidRequest(listProblems(found), {
    reason: "invalid_field",
    ...(field === undefined ? {} : { field }),
  });
  return errorResponse(c, describeError(error));
}
