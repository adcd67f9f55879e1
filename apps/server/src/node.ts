import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { runServer } from "./run-server.js";

await runServer({
  name: "node",
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
