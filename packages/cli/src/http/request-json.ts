import { CliError } from "../cli-error.js";
import { type HttpAnswer, type HttpRequest, type ServerTrust, sendRequest } from "./send-request.js";

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

/** OpenSSL's verdicts on a chain that does not lead to a trusted CA. */
const UNTRUSTED = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "CERT_UNTRUSTED",
  "CERT_SIGNATURE_FAILURE",
]);

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error ? String(error.code) : undefined;
}

function tlsFailure(url: URL, code: string | undefined, error: unknown): CliError | undefined {
  const server = `the server at ${url.origin}`;
  if (code !== undefined && UNTRUSTED.has(code)) {
    return new CliError(
      `${server} has a certificate that is not trusted here (${code}): trust its CA with --cacert FILE, or skip the check with --insecure`,
    );
  }
  if (code === "CERT_HAS_EXPIRED") return new CliError(`${server} has an expired certificate`);
  if (code === "CERT_NOT_YET_VALID") return new CliError(`${server} has a certificate that is not valid yet`);
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") {
    return new CliError(`${server} has a certificate that is not for ${url.hostname}`);
  }
  if (code === "EPROTO" && error instanceof Error && /wrong version number/.test(error.message)) {
    return new CliError(`${server} does not speak TLS (is it an http: URL?)`);
  }
  return undefined;
}

async function send(url: URL, init: HttpRequest, trust: ServerTrust): Promise<HttpAnswer> {
  try {
    return await sendRequest(url, init, trust, TIMEOUT_MS);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ABORT_ERR") {
      throw new CliError(`the server at ${url.origin} did not answer within ${TIMEOUT_MS / 1000} s`);
    }
    const tls = tlsFailure(url, code, error);
    if (tls !== undefined) throw tls;
    const reason = code === undefined ? String(error) : (NETWORK_REASONS[code] ?? code);
    throw new CliError(`cannot reach the server at ${url.origin}: ${reason}`);
  }
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The server's own words for a failure: its `error` and `error_description` (RFC 6749 §5.2 shape). */
function failure(answer: HttpAnswer, body: unknown): CliError {
  if (typeof body === "object" && body !== null && "error" in body && typeof body.error === "string") {
    const description =
      "error_description" in body && typeof body.error_description === "string"
        ? `: ${body.error_description}`
        : "";
    return new CliError(`${body.error}${description}`);
  }
  return new CliError(`the server answered HTTP ${answer.status} ${answer.statusText}`.trimEnd());
}

/**
 * One HTTP exchange with a jwtgrant server: the parsed JSON of a 2xx answer (`undefined` for 204), or a
 * `CliError` in one line for anything else, an unreachable or untrusted server included.
 */
export async function requestJson(url: URL, init: HttpRequest, trust: ServerTrust): Promise<unknown> {
  const answer = await send(url, init, trust);
  const body = answer.status === 204 ? undefined : readJson(answer.body);
  if (answer.status < 200 || answer.status > 299) throw failure(answer, body);
  if (body === undefined && answer.status !== 204) {
    throw new CliError(`the server answered HTTP ${answer.status} with a body that is not JSON`);
  }
  return body;
}
