import { invalidRequest, type TokenParameters, tokenParameters } from "@jwtgrant/core";
import type { Context } from "hono";
import { type ReadBody, readBodyText } from "./read-body-text.js";

/** The parameters of an OAuth request body. */
export type FormParameters = TokenParameters;

const FORM_MEDIA_TYPE = "application/x-www-form-urlencoded";

/**
 * Reads an `application/x-www-form-urlencoded` body (RFC 6749 §3.2). Another media type, or a parameter
 * sent twice that may not repeat, is `invalid_request`; a parameter sent without a value counts as omitted.
 */
export async function readForm(c: Context, maxBytes: number, readBody?: ReadBody): Promise<FormParameters> {
  const mediaType = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== FORM_MEDIA_TYPE) {
    throw invalidRequest(`the request body must be ${FORM_MEDIA_TYPE}`, { reason: "content_type" });
  }
  return tokenParameters(new URLSearchParams(await readBodyText(c, maxBytes, readBody)));
}
