import { CliError } from "../cli-error.js";

/** Long enough for a cold server's first answer; a CLI that hangs forever tells the user nothing. */
const TIMEOUT_MS = 30_000;

const NETWORK_REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host not found",
  EHOSTUNREACH: "host unreachable",
  ETIMEDOUT: "connection timed out",
};

function networkReason(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  const code =
    typeof cause === "object" && cause !== null && "code" in cause ? String(cause.code) : undefined;
  if (code !== undefined) return NETWORK_REASONS[code] ?? code;
  return cause instanceof Error ? cause.message : String(error);
}

async function send(url: URL, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    if (error instanceof DOMException && error.name === "TimeoutError") {
      throw new CliError(`the server at ${url.origin} did not answer within ${TIMEOUT_MS / 1000} s`);
    }
    throw new CliError(`cannot reach the server at ${url.origin}: ${networkReason(error)}`);
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The server's own words for a failure: its `error` and `error_description` (RFC 6749 §5.2 shape). */
function failure(response: Response, body: unknown): CliError {
  if (typeof body === "object" && body !== null && "error" in body && typeof body.error === "string") {
    const description =
      "error_description" in body && typeof body.error_description === "string"
        ? `: ${body.error_description}`
        : "";
    return new CliError(`${body.error}${description}`);
  }
  return new CliError(`the server answered HTTP ${response.status} ${response.statusText}`.trimEnd());
}

/**
 * One HTTP exchange with a jwtgrant server: the parsed JSON of a 2xx answer (`undefined` for 204), or a
 * `CliError` in one line for anything else, an unreachable server included.
 */
export async function requestJson(url: URL, init: RequestInit): Promise<unknown> {
  const response = await send(url, init);
  const body = response.status === 204 ? undefined : await readJson(response);
  if (!response.ok) throw failure(response, body);
  if (body === undefined && response.status !== 204) {
    throw new CliError(`the server answered HTTP ${response.status} with a body that is not JSON`);
  }
  return body;
}
