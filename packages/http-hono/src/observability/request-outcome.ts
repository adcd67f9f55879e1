import type { RefusalReason } from "@jwtgrant/core";
import type { Context } from "hono";

/** An error as answered: its status and public body, and the private reason and detail for the log. */
export interface NotedError {
  readonly status: number;
  readonly body: { readonly error: string; readonly error_description: string };
  readonly reason: RefusalReason;
  readonly detail: string | undefined;
}

/** What a handler learnt about its request, for the log line and the metrics written after it. */
export interface RequestOutcome {
  endpoint: string;
  clientId?: string;
  grantType?: string;
  error?: NotedError;
  /** The response already carries the `X-Request-Id` header. */
  requestIdCarried?: boolean;
}

export type ObservedVariables = { outcome: RequestOutcome; requestId: string };

/**
 * Records the error a response answers, for the request's log line, from code that does not know whether
 * it runs under `observeRequests` (the admin sub-app also runs alone).
 */
export function noteError(c: Context, described: NotedError): void {
  const outcome = observedOutcome(c);
  if (outcome !== undefined) outcome.error = described;
}

/**
 * The request id, for a response that sets its own headers, noted as carried so that `observeRequests` does
 * not add it again. `undefined` outside `observeRequests`.
 */
export function carryRequestId(c: Context): string | undefined {
  const outcome = observedOutcome(c);
  const requestId: unknown = c.get("requestId");
  if (outcome === undefined || typeof requestId !== "string") return undefined;
  outcome.requestIdCarried = true;
  return requestId;
}

function observedOutcome(c: Context): RequestOutcome | undefined {
  const outcome: unknown = c.get("outcome");
  return typeof outcome === "object" && outcome !== null ? (outcome as RequestOutcome) : undefined;
}
