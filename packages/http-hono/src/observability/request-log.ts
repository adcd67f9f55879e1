import type { RefusalReason } from "@jwtgrant/core";

/**
 * One structured record per request. It never holds an assertion, a token, a secret or an Authorization
 * header: only what the server decided and why.
 */
export interface RequestLogRecord {
  readonly time: string;
  readonly level: "info" | "warn" | "error";
  readonly request_id: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly duration_ms: number;
  readonly endpoint: string;
  readonly client_id?: string;
  readonly grant_type?: string;
  readonly error?: string;
  readonly reason?: RefusalReason;
  /** Private detail of a refusal or failure, for the operator only. */
  readonly detail?: string;
}

export type RequestLogLevel = RequestLogRecord["level"];

export interface RequestLogger {
  /** Whether records of `level` are written: a record that would be dropped is never built. */
  enabled(level: RequestLogLevel): boolean;
  write(record: RequestLogRecord): void;
}
