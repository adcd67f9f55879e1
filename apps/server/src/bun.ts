import { createNodeJwsCrypto } from "./crypto/node-jws-crypto.js";
import { runServer } from "./run-server.js";
import type { TlsMaterial } from "./tls/read-tls-material.js";

interface BunServer {
  readonly port: number;
  stop(closeActiveConnections?: boolean): Promise<void>;
  requestIP(request: Request): { readonly address: string } | null;
}
declare const Bun: {
  serve(options: {
    port: number;
    hostname: string;
    reusePort?: boolean;
    tls?: { cert: string; key: string };
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
  serve: async (fetch, { port, host, tls }) => {
    // Bun's `server.reload()` keeps the certificate it started with (Bun 1.4.4), so a new one takes a
    // listener swap: a second listener on the same port (SO_REUSEPORT, hence on with TLS) starts first, then
    // the old one stops accepting and drains. Its open connections finish on the old certificate.
    const listen = (listenPort: number, material: TlsMaterial | undefined) =>
      Bun.serve({
        port: listenPort,
        hostname: host,
        fetch,
        ...(material === undefined
          ? {}
          : { reusePort: true, tls: { cert: material.cert, key: material.key } }),
      });
    let listening = listen(port, tls);
    const draining = new Set<BunServer>();
    const drain = (server: BunServer) => {
      draining.add(server);
      // An old listener that fails to stop cleanly is no longer listening either way.
      const forget = () => draining.delete(server);
      server.stop().then(forget, forget);
    };
    return {
      port: listening.port,
      stop: async (graceMs) => {
        const servers = [listening, ...draining];
        await Promise.race([Promise.all(servers.map((server) => server.stop())), sleep(graceMs)]);
        await Promise.all(servers.map((server) => server.stop(true)));
      },
      reloadTls: async (material) => {
        const previous = listening;
        // Throws if Bun refuses the certificate: the previous listener has not been touched.
        listening = listen(previous.port, material);
        drain(previous);
      },
    };
  },
});
