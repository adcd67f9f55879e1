import { request } from "node:https";

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * A `fetch` over HTTPS that trusts `ca` (PEM) and nothing else, as Node's own `fetch` cannot be told a CA.
 * Enough for the tests' requests: a method, headers and a text body; one response, read whole.
 */
export function fetchTrusting(ca: string): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const body = init?.body == null ? undefined : String(init.body);
    return new Promise<Response>((resolve, reject) => {
      const outgoing = request(url, { method: init?.method ?? "GET", headers, ca }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("error", reject);
        incoming.on("end", () => {
          const status = incoming.statusCode ?? 0;
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            for (const one of Array.isArray(value) ? value : [value ?? ""]) responseHeaders.append(name, one);
          }
          resolve(
            new Response(NULL_BODY_STATUSES.has(status) ? null : Buffer.concat(chunks), {
              status,
              headers: responseHeaders,
            }),
          );
        });
      });
      outgoing.on("error", reject);
      outgoing.end(body);
    });
  };
}
