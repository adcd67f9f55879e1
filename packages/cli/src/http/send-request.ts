import { type ClientRequest, request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";

/** How to check an https server's certificate. */
export interface ServerTrust {
  /** PEM CA certificates to trust instead of the system's store, as curl's `--cacert`. */
  readonly ca?: string;
  /** Do not check the certificate at all, as curl's `--insecure`. */
  readonly insecure?: boolean;
}

export interface HttpRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface HttpAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly body: string;
}

function readAll(incoming: IncomingMessage): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("error", reject);
    incoming.on("end", () =>
      resolve({
        status: incoming.statusCode ?? 0,
        statusText: incoming.statusMessage ?? "",
        body: Buffer.concat(chunks).toString("utf8"),
      }),
    );
  });
}

/**
 * One request over node:http or node:https, whose TLS options `fetch` does not take. Rejects with Node's
 * own error (its `code` says why: `ECONNREFUSED`, `SELF_SIGNED_CERT_IN_CHAIN`, `ABORT_ERR` at the timeout).
 */
export function sendRequest(
  url: URL,
  init: HttpRequest,
  trust: ServerTrust,
  timeoutMs: number,
): Promise<HttpAnswer> {
  const options = { method: init.method, headers: init.headers, signal: AbortSignal.timeout(timeoutMs) };
  return new Promise((resolve, reject) => {
    const outgoing: ClientRequest =
      url.protocol === "https:"
        ? httpsRequest(url, {
            ...options,
            ...(trust.ca === undefined ? {} : { ca: trust.ca }),
            rejectUnauthorized: trust.insecure !== true,
          })
        : httpRequest(url, options);
    outgoing.on("response", (incoming) => readAll(incoming).then(resolve, reject));
    outgoing.on("error", reject);
    outgoing.end(init.body);
  });
}
