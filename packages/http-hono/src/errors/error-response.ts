import {
  ConflictError,
  formatFieldPath,
  NotFoundError,
  OAuthError,
  type OAuthErrorCode,
  StorageUnavailableError,
} from "@jwtgrant/core";
import type { Context } from "hono";
import { jsonResponse } from "../json-response.js";
import { type NotedError, noteError } from "../observability/request-outcome.js";
import { capDescription } from "./cap-description.js";

/** The error body of every endpoint (RFC 6749 §5.2 shape, also used by the admin API). */
export interface ErrorBody {
  readonly error: string;
  readonly error_description: string;
  /** The path of the bad field of an admin request (`jwks.keys[0]`), when the problem is one field's. */
  readonly field?: string;
}

/** The longest `field` a body carries: a path longer than this (an unknown key of any length) is left out. */
export const MAX_FIELD_LENGTH = 512;

function fieldMember(error: OAuthError): { readonly field?: string } {
  if (error.field === undefined) return {};
  const field = formatFieldPath(error.field);
  return field.length <= MAX_FIELD_LENGTH ? { field } : {};
}

/** What the log may know about a failed request: the public code, and the private reason and detail. */
export type DescribedError = NotedError & {
  readonly body: ErrorBody;
  /** Sent as `Retry-After`; a 503 without it says 5. */
  readonly retryAfterSeconds?: number;
};

const STATUS: Record<OAuthErrorCode, number> = {
  invalid_request: 400,
  invalid_client: 401,
  invalid_grant: 400,
  unauthorized_client: 400,
  unsupported_grant_type: 400,
  invalid_scope: 400,
  invalid_target: 400,
  temporarily_unavailable: 503,
  server_error: 500,
};

/**
 * The one mapping from errors to HTTP: OAuth errors by code, admin errors to 404 and 409, a storage outage
 * to 503, anything else to a generic 500 whose details stay in the log. Descriptions are capped in size.
 */
export function describeError(error: unknown): DescribedError {
  if (error instanceof OAuthError) {
    return {
      status: STATUS[error.code],
      body: {
        error: error.code,
        error_description: capDescription(error.description),
        ...fieldMember(error),
      },
      reason: error.reason,
      detail: error.detail,
    };
  }
  if (error instanceof NotFoundError) {
    return {
      status: 404,
      body: { error: "not_found", error_description: capDescription(error.message) },
      reason: "not_found",
      detail: undefined,
    };
  }
  if (error instanceof ConflictError) {
    return {
      status: 409,
      body: { error: "conflict", error_description: capDescription(error.message) },
      reason: "conflict",
      detail: undefined,
    };
  }
  if (error instanceof PayloadTooLargeError) return PAYLOAD_TOO_LARGE;
  if (error instanceof TooManyFailedAuthenticationsError) {
    return {
      status: 429,
      body: {
        error: "temporarily_unavailable",
        error_description: "too many failed client authentications, retry later",
      },
      reason: "client_auth_rate_limited",
      detail: undefined,
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  if (error instanceof StorageUnavailableError) {
    return {
      status: 503,
      body: {
        error: "temporarily_unavailable",
        error_description: "the service is temporarily unavailable, retry later",
      },
      reason: "storage_unavailable",
      detail: error.message,
    };
  }
  return {
    status: 500,
    body: { error: "server_error", error_description: "the server met an unexpected condition" },
    reason: "unexpected",
    detail: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : String(error),
  };
}

/** Headers every OAuth endpoint response carries (RFC 6749 §5.1). */
export const NO_STORE_HEADERS = { "cache-control": "no-store", pragma: "no-cache" } as const;

export interface ErrorResponseOptions {
  /** The scheme a 401 challenges: Basic when the client authenticated with it (RFC 6749 §5.2), Bearer for admin. */
  readonly challenge?: "Basic" | "Bearer";
  /** More headers, such as `Allow`. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** The response of an error, noted for the request's log line. */
export function errorResponse(
  c: Context,
  described: DescribedError,
  options: ErrorResponseOptions = {},
): Response {
  noteError(c, described);
  const headers: Record<string, string> = { ...NO_STORE_HEADERS, ...options.headers };
  if (described.status === 401 && options.challenge !== undefined) {
    headers["www-authenticate"] = `${options.challenge} realm="jwtgrant"`;
  }
  const retryAfterSeconds = described.retryAfterSeconds ?? (described.status === 503 ? 5 : undefined);
  if (retryAfterSeconds !== undefined) headers["retry-after"] = String(retryAfterSeconds);
  return jsonResponse(c, described.status, described.body, headers);
}

/** Thrown while reading a request body that turns out larger than the limit. */
export class PayloadTooLargeError extends Error {
  override readonly name = "PayloadTooLargeError";
}

/**
 * Client authentication refused for now after repeated failures. RFC 6749 has no code for it; clients
 * already treat `temporarily_unavailable` as "retry later", and the 429 and `Retry-After` say when.
 */
export class TooManyFailedAuthenticationsError extends Error {
  override readonly name = "TooManyFailedAuthenticationsError";
  constructor(readonly retryAfterSeconds: number) {
    super(`client authentication refused for ${retryAfterSeconds} s`);
  }
}

/** A body over the size limit: refused before it is read to the end. */
export const PAYLOAD_TOO_LARGE: DescribedError = {
  status: 413,
  body: { error: "invalid_request", error_description: "the request body is too large" },
  reason: "body_too_large",
  detail: undefined,
};

/** A known path asked with a method it does not answer. */
export const METHOD_NOT_ALLOWED: DescribedError = {
  status: 405,
  body: { error: "invalid_request", error_description: "the method is not allowed on this endpoint" },
  reason: "method_not_allowed",
  detail: undefined,
};

export const NOT_FOUND: DescribedError = {
  status: 404,
  body: { error: "not_found", error_description: "no such endpoint" },
  reason: "not_found",
  detail: undefined,
};
