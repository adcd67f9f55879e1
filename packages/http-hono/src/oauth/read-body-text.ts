import { BodyTooLargeError, readLimitedText } from "@jwtgrant/core";
import type { Context } from "hono";
import { PayloadTooLargeError } from "../errors/error-response.js";

/**
 * Reads a request body as text from what the runtime adapter passed the app's `fetch` besides the request
 * (`env`), throwing core's `BodyTooLargeError` once it grows past `maxBytes`; `undefined` when it cannot
 * read this request, which is then read from `request.body`. A runtime supplies one when reading its own
 * request object costs less than materialising the Fetch `Request`'s body stream.
 */
export type ReadBody = (request: Request, env: unknown, maxBytes: number) => Promise<string> | undefined;

/**
 * The request body as text, refused with `PayloadTooLargeError` past `maxBytes` (by its declared length
 * before reading, else while reading), through `readBody` when it can read the request.
 */
export async function readBodyText(c: Context, maxBytes: number, readBody?: ReadBody): Promise<string> {
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > maxBytes) throw new PayloadTooLargeError();
  try {
    return await (readBody?.(c.req.raw, c.env, maxBytes) ?? readLimitedText(c.req.raw.body, { maxBytes }));
  } catch (error) {
    throw error instanceof BodyTooLargeError ? new PayloadTooLargeError() : error;
  }
}
