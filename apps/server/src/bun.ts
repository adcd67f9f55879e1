import { runServer } from "./run-server.js";

interface BunServer {
  readonly port: number;
  stop(closeActiveConnections?: boolean): Promise<void>;
}
declare const Bun: {
  serve(options: {
    port: number;
    hostname: string;
    fetch: (request: Request) => Response | Promise<Response>;
  }): BunServer;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

await runServer({
  name: "bun",
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
