import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { nodeClientAddress } from "@jwtgrant/http-hono";
import { createNodeJwsCrypto } from "./crypto/node-jws-crypto.js";
import { runServer } from "./run-server.js";

await runServer({
  name: "node",
  // node:crypto's one-shot sign/verify costs about half of Web Crypto's on Node for the same results.
  crypto: createNodeJwsCrypto(),
  // @hono/node-server passes the Node request as `env.incoming`; its socket knows the peer.
  clientAddress: nodeClientAddress,
  serve: (fetch, { port, host }) =>
    new Promise((resolve) => {
      const server = serve({ fetch, port, hostname: host }, (info) =>
        resolve({
          port: info.port,
          stop: (graceMs) =>
            new Promise<void>((stopped) => {
              const http = server as Server;
              http.close(() => stopped());
              http.closeIdleConnections();
              setTimeout(() => http.closeAllConnections(), graceMs).unref();
            }),
        }),
      );
    }),
});
