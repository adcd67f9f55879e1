import type { FieldPath } from "./field-path.js";
import type { RefusalReason } from "./refusal-reason.js";

/**
 * The error codes a token, revocation or introspection request can end with (RFC 6749 §5.2, RFC 6750, and
 * RFC 8707 §2's `invalid_target`).
 */
export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unauthorized_client"
  | "unsupported_grant_type"
  | "invalid_scope"
  | "invalid_target"
  | "temporarily_unavailable"
  | "server_error";

export interface OAuthErrorOptions {
  /** Stable machine-readable cause, e.g. `exp_passed`: for logs, metrics and the audit trail. */
  readonly reason: RefusalReason;
  /** Private detail for the operator's log; never sent to the client. */
  readonly detail?: string;
  /** The bad field of an admin request, when the problem is one field's. */
  readonly field?: FieldPath;
  readonly cause?: unknown;
}

/**
 * The one error the engine reports to callers. `description` is public and safe to send on the wire;
 * `detail` is private and may name values from the request.
 */
export class OAuthError extends Error {
  override readonly name = "OAuthError";
  readonly code: OAuthErrorCode;
  readonly description: string;
  readonly reason: RefusalReason;
  readonly detail: string | undefined;
  readonly field: FieldPath | undefined;

  constructor(code: OAuthErrorCode, description: string, options: OAuthErrorOptions) {
    super(`${code}: ${description}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.description = description;
    this.reason = options.reason;
    this.detail = options.detail;
    this.field = options.field;
  }
}

export const invalidRequest = (description: string, options: OAuthErrorOptions): OAuthError =>
  new OAuthError("invalid_request", description, options);

export const invalidGrant = (description: string, options: OAuthErrorOptions): OAuthError =>
  new OAuthError("invalid_grant", description, options);

export const invalidClient = (options: OAuthErrorOptions): OAuthError =>
  new OAuthError("invalid_client", "client authentication failed", options);

export const invalidScope = (description: string, options: OAuthErrorOptions): OAuthError =>
  new OAuthError("invalid_scope", description, options);

export const invalidTarget = (description: string, options: OAuthErrorOptions): OAuthError =>
  new OAuthError("invalid_target", description, options);

export const unauthorizedClient = (description: string, options: OAuthErrorOptions): OAuthError =>
  new OAuthError("unauthorized_client", description, options);
