import { OAuthError } from "../errors/oauth-error.js";
import type { Fetch } from "../ports/fetch.js";
import { beforeDeadline } from "../util/before-deadline.js";
import { BodyTooLargeError, readLimitedBody } from "../util/read-limited-body.js";
import { fetchableUrlProblem } from "./fetchable-url-problem.js";
import { jwksUnavailable } from "./jwks-unavailable.js";

export interface JsonDocumentFetchOptions {
  readonly fetch: Fetch;
  /** One deadline for the whole fetch: connection, headers and body. */
  readonly timeoutMs: number;
  /** Refuse a document larger than this. */
  readonly maxResponseBytes: number;
}

/** Which document is fetched, as the request asks for it and as failure details name it. */
export interface JsonDocumentKind {
  /** The `Accept` header. */
  readonly accept: string;
  /** How a refused URL is called, e.g. `jwks_uri`. */
  readonly urlName: string;
  /** How the document is called, e.g. `key set`. */
  readonly noun: string;
}

/**
 * Fetches the JSON document at `url` and returns it parsed. Every way the fetch can fail (a refused URL, a
 * network error, a status other than 200, the deadline passing before the last byte, a reset or truncated
 * body, too many bytes, invalid UTF-8, text that is not JSON) throws `temporarily_unavailable` with reason
 * `jwks_unavailable`; nothing else escapes.
 */
export async function fetchJsonDocument(
  url: string,
  kind: JsonDocumentKind,
  options: JsonDocumentFetchOptions,
): Promise<unknown> {
  const problem = fetchableUrlProblem(url, kind.urlName);
  if (problem !== null) throw jwksUnavailable(problem);
  const deadline = AbortSignal.timeout(options.timeoutMs);
  let body: Uint8Array;
  try {
    body = await download(url, kind, options, deadline);
  } catch (error) {
    if (error instanceof OAuthError) throw error;
    throw jwksUnavailable(
      deadline.aborted
        ? `fetching ${url} did not complete within ${options.timeoutMs} ms`
        : `fetching ${url} failed: ${describe(error)}`,
    );
  }
  const text = decodeUtf8(body, url, kind);
  try {
    return JSON.parse(text);
  } catch {
    throw jwksUnavailable(`${url} did not answer JSON`);
  }
}

async function download(
  url: string,
  kind: JsonDocumentKind,
  options: JsonDocumentFetchOptions,
  deadline: AbortSignal,
): Promise<Uint8Array> {
  const response = await beforeDeadline(
    options.fetch(url, {
      method: "GET",
      headers: { accept: kind.accept },
      redirect: "error",
      signal: deadline,
    }),
    deadline,
  );
  if (response.status !== 200) {
    discard(response.body);
    throw jwksUnavailable(`fetching ${url} answered ${response.status}`);
  }
  return readLimited(response, url, kind, options.maxResponseBytes, deadline);
}

async function readLimited(
  response: Response,
  url: string,
  kind: JsonDocumentKind,
  maxBytes: number,
  deadline: AbortSignal,
): Promise<Uint8Array> {
  const tooLarge = () => jwksUnavailable(`${url} ${kind.noun} is larger than ${maxBytes} bytes`);
  const length = response.headers.get("content-length");
  const declared = length === null ? null : Number(length);
  if (declared !== null && declared > maxBytes) {
    discard(response.body);
    throw tooLarge();
  }
  let bytes: Uint8Array;
  try {
    // The fetch's signal should end a stalled read, but not every fetch honours it once the headers are in.
    bytes = await readLimitedBody(response.body, { maxBytes, deadline });
  } catch (error) {
    discard(response.body);
    throw error instanceof BodyTooLargeError ? tooLarge() : error;
  }
  // A decoded (compressed) body has another length than the one declared on the wire.
  if (
    declared !== null &&
    response.headers.get("content-encoding") === null &&
    bytes.byteLength !== declared
  ) {
    throw jwksUnavailable(`${url} sent ${bytes.byteLength} bytes of the ${declared} it declared`);
  }
  return bytes;
}

function decodeUtf8(bytes: Uint8Array, url: string, kind: JsonDocumentKind): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw jwksUnavailable(`${url} ${kind.noun} is not valid UTF-8`);
  }
}

/** Releases the connection behind a body nobody will read; the body may already have failed. */
function discard(body: { cancel(): Promise<void> } | null): void {
  body?.cancel().catch(() => {});
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // undici reports a network failure as "fetch failed" with the socket error as its cause.
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}
