import { redactUrlUserinfo } from "@jwtgrant/core";

/** Seconds a client is told to wait before it retries. */
const RETRY_AFTER_SECONDS = 5;

/**
 * A 503 in the shape of every other error of the server (`temporarily_unavailable`, as OAuth clients retry
 * it), for what keeps a Worker from serving at all: a missing binding, a schema behind, a database away.
 */
export function unavailableResponse(description: string, more: Record<string, unknown> = {}): Response {
  return Response.json(
    { error: "temporarily_unavailable", error_description: redactUrlUserinfo(description), ...more },
    {
      status: 503,
      headers: {
        "cache-control": "no-store",
        pragma: "no-cache",
        "retry-after": String(RETRY_AFTER_SECONDS),
      },
    },
  );
}
