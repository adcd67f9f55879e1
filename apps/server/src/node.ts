import type { Server } from "node:http";
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import { serve } from "@hono/node-server";
import type { ClientAddress } from "@jwtgrant/http-hono";
import { createNodeJwsCrypto } from "./crypto/node-jws-crypto.js";
import { readNodeBody } from "./read-node-body.js";
import { runServer } from "./run-server.js";

interface NodeBindings {
  readonly incoming?: { readonly socket?: { readonly remoteAddress?: string | undefined } };
}

// @hono/node-server passes the Node request as `env.incoming`; its socket knows the peer.
const nodeClientAddress: ClientAddress = (_request, env) =>
  (env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress;

await runServer({
  name: "node",
  // node:crypto's one-shot sign/verify costs about half of Web Crypto's on Node for the same results.
  crypto: createNodeJwsCrypto(),
  clientAddress: nodeClientAddress,
  readBody: readNodeBody,
  serve: (fetch, { port, host, tls }) =>
    new Promise((resolve, reject) => {
      const secure =
        tls === undefined
          ? {}
          : { createServer: createHttpsServer, serverOptions: { cert: tls.cert, key: tls.key } };
      const server = serve({ fetch, port, hostname: host, ...secure }, (info) =>
        resolve({
          port: info.port,
          stop: (graceMs) =>
            new Promise<void>((stopped) => {
              const http = server as Server;
              http.close(() => stopped());
              http.closeIdleConnections();
              setTimeout(() => http.closeAllConnections(), graceMs).unref();
            }),
          // In place: new handshakes get the new certificate, open connections are not touched.
          reloadTls: async (material) =>
            (server as HttpsServer).setSecureContext({ cert: material.cert, key: material.key }),
        }),
      );
      // Before listening, an error (the port in use) is the start's to report; a listening server has its own.
      (server as Server).once("error", reject);
    }),
});
