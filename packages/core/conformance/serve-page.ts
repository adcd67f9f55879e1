// Serves a page that loads one module on a random loopback port; anything else is 404, including
// /favicon.ico, which the page declares empty so that Chromium does not log a failed request for it.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface ServedPage {
  readonly url: string;
  close(): Promise<void>;
}

const HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>jwtgrant conformance</title><link rel="icon" href="data:,"></head>
<body><script type="module" src="/page.js"></script></body>
</html>
`;

export async function servePage(module: string): Promise<ServedPage> {
  const server = createServer((request, response) => {
    const [status, type, body] =
      request.url === "/"
        ? [200, "text/html; charset=utf-8", HTML]
        : request.url === "/page.js"
          ? [200, "text/javascript; charset=utf-8", module]
          : [404, "text/plain; charset=utf-8", "not found\n"];
    response.writeHead(status, { "content-type": type, "cache-control": "no-store" }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
