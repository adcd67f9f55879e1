import { requestJson } from "./request-json.js";
import type { ServerTrust } from "./send-request.js";

export interface AdminClientOptions {
  /** The server's base URL; the admin API is under `/admin`. */
  readonly url: URL;
  readonly adminToken: string;
  /** How to check an https server's certificate. */
  readonly trust: ServerTrust;
}

export interface AdminClient {
  get(path: string): Promise<unknown>;
  post(path: string, body?: unknown): Promise<unknown>;
  patch(path: string, body: unknown): Promise<unknown>;
  delete(path: string): Promise<void>;
}

/** The admin API over HTTP with the admin bearer token; paths are relative to `/admin`, e.g. `/issuers`. */
export function createAdminClient(options: AdminClientOptions): AdminClient {
  const base = options.url.href.replace(/\/+$/, "");
  const call = (method: string, path: string, body?: unknown) =>
    requestJson(
      new URL(`${base}/admin${path}`),
      {
        method,
        headers: {
          authorization: `Bearer ${options.adminToken}`,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      },
      options.trust,
    );
  return {
    get: (path) => call("GET", path),
    post: (path, body) => call("POST", path, body),
    patch: (path, body) => call("PATCH", path, body),
    async delete(path) {
      await call("DELETE", path);
    },
  };
}
