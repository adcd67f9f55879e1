import type { Context } from "hono";
import { carryRequestId } from "./observability/request-outcome.js";

/**
 * A JSON response with every header given at construction, as one plain record with the request id among
 * them: the Node adapter then writes it without building a `Headers` object, which on the token endpoint
 * cost more than the rest of the response.
 */
export function jsonResponse(
  c: Context,
  status: number,
  body: object,
  headers: Readonly<Record<string, string>>,
): Response {
  const requestId = carryRequestId(c);
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "content-type": "application/json",
      ...headers,
      ...(requestId === undefined ? {} : { "x-request-id": requestId }),
    },
  });
}
