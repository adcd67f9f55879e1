import { runServer } from "./run-server.js";

interface DenoServer {
  readonly addr: { readonly port: number };
  shutdown(): Promise<void>;
}
/** What Deno.serve passes its handler beside the request. */
interface DenoServeInfo {
  readonly remoteAddr: { readonly hostname?: string };
}
declare const Deno: {
  serve(
    options: { port: number; hostname: string; onListen?: () => void },
    handler: (request: Request, info: DenoServeInfo) => Response | Promise<Response>,
  ): DenoServer;
  addSignalListener(signal: "SIGTERM" | "SIGINT", handler: () => void): void;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

await runServer({
  name: "deno",
  // Deno delivers signals through its own API, not through node:process.
  onShutdownSignal: (signal, handler) => Deno.addSignalListener(signal, handler),
  clientAddress: (_request, env) => (env as DenoServeInfo | undefined)?.remoteAddr.hostname,
  serve: async (fetch, { port, host }) => {
    const server = Deno.serve({ port, hostname: host, onListen: () => {} }, fetch);
    return {
      port: server.addr.port,
      stop: async (graceMs) => {
        await Promise.race([server.shutdown(), sleep(graceMs)]);
      },
    };
  },
});
