import { fieldError } from "../admin/field-error.js";
import { type FieldPath, formatFieldPath } from "../errors/field-path.js";
import { OAuthError } from "../errors/oauth-error.js";

/**
 * Runs a check written for one admin request body inside a document, so that a field error it throws names
 * the field from the document's top (`issuers[2].rules[0].when.ref: …`). An error of no one field is named
 * by `prefix` itself.
 */
export function underPath<T>(prefix: FieldPath, check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw prefixedError(prefix, error);
  }
}

/** `underPath` for an asynchronous check. */
export async function underPathAsync<T>(prefix: FieldPath, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    throw prefixedError(prefix, error);
  }
}

function prefixedError(prefix: FieldPath, error: unknown): unknown {
  if (!(error instanceof OAuthError) || error.code !== "invalid_request") return error;
  if (error.field === undefined) return fieldError(prefix, error.description);
  const own = `${formatFieldPath(error.field)}: `;
  const problem = error.description.startsWith(own) ? error.description.slice(own.length) : error.description;
  return fieldError([...prefix, ...error.field], problem);
}
