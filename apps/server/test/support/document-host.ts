import { createServer } from "node:http";

/**
 * JSON documents (OpenID Provider metadata, key sets) served over plain HTTP on 127.0.0.1, the one host where
 * the server fetches them without TLS. A test swaps a document to play an issuer rotating its keys.
 */
export interface DocumentHost {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Serves `document` at `path` from now on, in place of whatever was there. */
  serve(path: string, document: unknown): void;
  /** How many requests for `path` have arrived. */
  hits(path: string): number;
  close(): Promise<void>;
}

export async function startDocumentHost(): Promise<DocumentHost> {
  const documents = new Map<string, string>();
  const counts = new Map<string, number>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const body = documents.get(path);
    if (request.method !== "GET" || body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) })
      .end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("the document host has no port");
  return {
    origin: `http://127.0.0.1:${address.port}`,
    serve: (path, document) => documents.set(path, JSON.stringify(document)),
    hits: (path) => counts.get(path) ?? 0,
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
