import type { Context } from "hono";
import type { DescribedError } from "../errors/error-response.js";

/** What a handler learnt about its request, for the log line and the metrics written after it. */
export interface RequestOutcome {
  endpoint: string;
  clientId?: string;
  grantType?: string;
  error?: DescribedError;
}

export type ObservedVariables = { outcome: RequestOutcome; requestId: string };

/**
 * Records the error a response answers, for the request's log line, from code that does not know whether
 * it runs under `observeRequests` (the admin sub-app also runs alone).
 */
export function noteError(c: Context, described: DescribedError): DescribedError {
  const outcome: unknown = c.get("outcome");
  if (typeof outcome === "object" && outcome !== null) (outcome as RequestOutcome).error = described;
  return described;
}
