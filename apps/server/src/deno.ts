import process from "node:process";
import { runServer } from "./run-server.js";
import type { TlsMaterial } from "./tls/read-tls-material.js";

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
    options: { port: number; hostname: string; cert?: string; key?: string; onListen?: () => void },
    handler: (request: Request, info: DenoServeInfo) => Response | Promise<Response>,
  ): DenoServer;
  addSignalListener(signal: "SIGTERM" | "SIGINT" | "SIGHUP", handler: () => void): void;
  readonly errors: { readonly AddrInUse: new (...args: never[]) => Error };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long a listener swap waits for the old listener's port to be free again. */
const REBIND_TIMEOUT_MS = 2000;

await runServer({
  name: "deno",
  // Deno delivers signals through its own API, not through node:process.
  onSignal: (signal, handler) => Deno.addSignalListener(signal, handler),
  clientAddress: (_request, env) => (env as DenoServeInfo | undefined)?.remoteAddr.hostname,
  serve: async (fetch, { port, host, tls }) => {
    const listen = (listenPort: number, material: TlsMaterial | undefined) =>
      Deno.serve(
        {
          port: listenPort,
          hostname: host,
          onListen: () => {},
          ...(material === undefined ? {} : { cert: material.cert, key: material.key }),
        },
        fetch,
      );
    // The old listener's socket closes a moment after `shutdown()` is called.
    const rebind = async (listenPort: number, material: TlsMaterial) => {
      const deadline = Date.now() + REBIND_TIMEOUT_MS;
      for (;;) {
        try {
          return listen(listenPort, material);
        } catch (error) {
          if (!(error instanceof Deno.errors.AddrInUse) || Date.now() > deadline) throw error;
          await sleep(1);
        }
      }
    };
    let listening = listen(port, tls);
    let served = tls;
    const draining = new Set<Promise<void>>();
    const drain = (server: DenoServer) => {
      const forget = () => {
        draining.delete(drained);
      };
      const drained: Promise<void> = server.shutdown().then(forget, forget);
      draining.add(drained);
    };
    return {
      port: listening.addr.port,
      stop: async (graceMs) => {
        drain(listening);
        await Promise.race([Promise.all(draining), sleep(graceMs)]);
      },
      // Deno.serve cannot change its certificate, and a second TLS listener on the same port needs
      // `--unstable-net` (reusePort), so the swap closes the listener and opens a new one: connections
      // already open drain on the old certificate, and a connection attempted in the few milliseconds
      // between is refused.
      reloadTls: async (material) => {
        const previous = listening;
        drain(previous);
        try {
          listening = await rebind(previous.addr.port, material);
          served = material;
        } catch (error) {
          if (served === undefined) throw error;
          try {
            listening = await rebind(previous.addr.port, served);
          } catch (lost) {
            // Alive but deaf would pass for healthy under a supervisor that watches only the process.
            process.stderr.write(
              `jwtgrant: lost port ${previous.addr.port} while swapping the TLS certificate: ${lost instanceof Error ? lost.message : String(lost)}\n`,
            );
            process.exit(1);
          }
          throw error;
        }
      },
    };
  },
});
