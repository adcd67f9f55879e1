import { createNodeJwsCrypto } from "./crypto/node-jws-crypto.js";
import { runServer } from "./run-server.js";

interface BunServer {
  readonly port: number;
  stop(closeActiveConnections?: boolean): Promise<void>;
  requestIP(request: Request): { readonly address: string } | null;
}
declare const Bun: {
  serve(options: {
    port: number;
    hostname: string;
    fetch: (request: Request, server: BunServer) => Response | Promise<Response>;
  }): BunServer;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

await runServer({
  name: "bun",
  // Bun's node:crypto verifies and signs ES256 about 1.6 times as fast as its Web Crypto, with the same
  // results (the JwsCrypto contract runs on Bun in `test:bun`).
  crypto: createNodeJwsCrypto(),
  // Bun passes its server to `fetch` beside the request; the server knows each request's peer.
  clientAddress: (request, env) => (env as BunServer | undefined)?.requestIP(request)?.address,
  serve: async (fetch, { port, host }) => {
    const server = Bun.serve({ port, hostname: host, fetch });
    return {
      port: server.port,
      stop: async (graceMs) => {
        await Promise.race([server.stop(), sleep(graceMs)]);
        await server.stop(true);
      },
    };
  },
});
