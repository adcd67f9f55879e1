import { invalidRequest } from "@jwtgrant/core";
import type { Context } from "hono";
import { type ReadBody, readBodyText } from "./read-body-text.js";

/** The parameters of an OAuth request body, each present at most once. */
export type FormParameters = ReadonlyMap<string, string>;

const FORM_MEDIA_TYPE = "application/x-www-form-urlencoded";

/**
 * Reads an `application/x-www-form-urlencoded` body (RFC 6749 §3.2). Another media type, or a parameter
 * sent twice, is `invalid_request`; a parameter sent without a value counts as omitted (§3.1).
 */
export async function readForm(c: Context, maxBytes: number, readBody?: ReadBody): Promise<FormParameters> {
  const mediaType = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== FORM_MEDIA_TYPE) {
    throw invalidRequest(`the request body must be ${FORM_MEDIA_TYPE}`, { reason: "content_type" });
  }
  const parameters = new Map<string, string>();
  const seen = new Set<string>();
  for (const [name, value] of new URLSearchParams(await readBodyText(c, maxBytes, readBody))) {
    if (seen.has(name)) {
      throw invalidRequest(`the ${name} parameter is repeated`, { reason: "repeated_parameter" });
    }
    seen.add(name);
    if (value !== "") parameters.set(name, value);
  }
  return parameters;
}
