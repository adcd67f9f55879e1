import { connect, createServer, type Socket } from "node:net";

/**
 * - `pass`: forwards both ways.
 * - `refuse`: closes every new connection at once, and drops the open ones.
 * - `blackhole`: a silent partition. New connections are accepted and held; nothing is forwarded either way.
 * - `mute`: the replies are lost. What clients send still reaches the database; nothing comes back.
 *
 * A connection caught by `blackhole` or `mute` stays silent for good, even once the proxy passes again:
 * a client must drop it and connect afresh, as it must when the database side has given up on a connection.
 */
export type ProxyMode = "pass" | "refuse" | "blackhole" | "mute";

export interface DatabaseProxy {
  /** The database URL with the proxy in place of the server. */
  readonly url: string;
  setMode(mode: ProxyMode): void;
  /** Drops every connection and stops listening. */
  close(): Promise<void>;
}

interface Link {
  readonly client: Socket;
  readonly server: Socket | undefined;
  /** Whether what the client sends reaches the database, and what the database answers reaches the client. */
  upstream: boolean;
  downstream: boolean;
}

/** A TCP proxy on 127.0.0.1 in front of the database of `databaseUrl`, switched between faults by the test. */
export async function startDatabaseProxy(databaseUrl: string): Promise<DatabaseProxy> {
  const target = new URL(databaseUrl);
  const links = new Set<Link>();
  let mode: ProxyMode = "pass";

  const drop = (link: Link) => {
    links.delete(link);
    link.client.destroy();
    link.server?.destroy();
  };

  const refused = new Set<Socket>();

  const listener = createServer((client) => {
    client.on("error", () => {});
    if (mode === "refuse") {
      refused.add(client);
      client.on("close", () => refused.delete(client));
      client.end();
      return;
    }
    const server =
      mode === "blackhole" ? undefined : connect(Number(target.port || 5432), target.hostname || "localhost");
    const link: Link = { client, server, upstream: server !== undefined, downstream: mode === "pass" };
    links.add(link);
    client.on("close", () => drop(link));
    client.on("data", (chunk) => {
      if (link.upstream) link.server?.write(chunk);
    });
    if (server === undefined) return;
    server.on("error", () => {});
    server.on("close", () => drop(link));
    server.on("data", (chunk) => {
      if (link.downstream) client.write(chunk);
    });
  });
  await new Promise<void>((resolve, reject) => {
    listener.once("error", reject);
    listener.listen(0, "127.0.0.1", resolve);
  });
  const address = listener.address();
  if (typeof address !== "object" || address === null) throw new Error("the proxy has no port");
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(address.port);

  return {
    url: url.toString(),
    setMode(next) {
      mode = next;
      for (const link of links) {
        if (next === "refuse") drop(link);
        if (next === "blackhole") link.upstream = false;
        if (next !== "pass") link.downstream = false;
      }
    },
    async close() {
      for (const link of links) drop(link);
      for (const socket of refused) socket.destroy();
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    },
  };
}
