import type { PublicJwk } from "../domain/jwk.js";
import { OAuthError } from "../errors/oauth-error.js";
import type { Fetch } from "../ports/fetch.js";
import { beforeDeadline } from "../util/before-deadline.js";
import { BodyTooLargeError, readLimitedBody } from "../util/read-limited-body.js";
import { jwksUriProblem } from "./jwks-uri-problem.js";
import { parsePublicJwk } from "./parse-public-jwk.js";

export interface KeySetFetchOptions {
  readonly fetch: Fetch;
  /** One deadline for the whole fetch: connection, headers and body. */
  readonly timeoutMs: number;
  /** Refuse a key set larger than this. */
  readonly maxResponseBytes: number;
}

export const jwksUnavailable = (detail: string): OAuthError =>
  new OAuthError("temporarily_unavailable", "the issuer's keys could not be fetched, retry later", {
    reason: "jwks_unavailable",
    detail,
  });

/**
 * Fetches the JWK Set at `uri` and keeps its usable signature keys. Every way the fetch can fail (a refused
 * URI, a network error, a status other than 200, the deadline passing before the last byte, a reset or
 * truncated body, too many bytes, invalid UTF-8, a document that is not a JWK Set) throws
 * `temporarily_unavailable` with reason `jwks_unavailable`; nothing else escapes.
 */
export async function fetchKeySet(uri: string, options: KeySetFetchOptions): Promise<readonly PublicJwk[]> {
  const problem = jwksUriProblem(uri);
  if (problem !== null) throw jwksUnavailable(problem);
  const deadline = AbortSignal.timeout(options.timeoutMs);
  let body: Uint8Array;
  try {
    body = await download(uri, options, deadline);
  } catch (error) {
    if (error instanceof OAuthError) throw error;
    throw jwksUnavailable(
      deadline.aborted
        ? `fetching ${uri} did not complete within ${options.timeoutMs} ms`
        : `fetching ${uri} failed: ${describe(error)}`,
    );
  }
  return parseKeySet(decodeUtf8(body, uri), uri);
}

async function download(
  uri: string,
  options: KeySetFetchOptions,
  deadline: AbortSignal,
): Promise<Uint8Array> {
  const response = await beforeDeadline(
    options.fetch(uri, {
      method: "GET",
      headers: { accept: "application/jwk-set+json, application/json" },
      redirect: "error",
      signal: deadline,
    }),
    deadline,
  );
  if (response.status !== 200) {
    discard(response.body);
    throw jwksUnavailable(`fetching ${uri} answered ${response.status}`);
  }
  return readLimited(response, uri, options.maxResponseBytes, deadline);
}

async function readLimited(
  response: Response,
  uri: string,
  maxBytes: number,
  deadline: AbortSignal,
): Promise<Uint8Array> {
  const tooLarge = () => jwksUnavailable(`${uri} key set is larger than ${maxBytes} bytes`);
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
    throw jwksUnavailable(`${uri} sent ${bytes.byteLength} bytes of the ${declared} it declared`);
  }
  return bytes;
}

function decodeUtf8(bytes: Uint8Array, uri: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw jwksUnavailable(`${uri} key set is not valid UTF-8`);
  }
}

function parseKeySet(text: string, uri: string): readonly PublicJwk[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw jwksUnavailable(`${uri} did not answer JSON`);
  }
  const keys = (document as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw jwksUnavailable(`${uri} did not answer a JWK Set`);
  // A published set may mix in encryption or unsupported keys; only usable signature keys are kept.
  return keys.flatMap((key: unknown) => {
    const parsed = parsePublicJwk(key);
    return parsed.ok ? [parsed.key] : [];
  });
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
