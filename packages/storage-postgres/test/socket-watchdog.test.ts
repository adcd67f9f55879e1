import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createSocketWatchdog, type SocketWatchdog } from "../src/socket-watchdog.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function listen(onConnection: (socket: Socket) => void): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    socket.on("error", () => {});
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return { server, port: address.port };
}

describe("socket watchdog", () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => {
    for (const step of cleanup.splice(0)) step();
  });
  const watch = (stalled: () => boolean, silenceMs: number): SocketWatchdog => {
    const watchdog = createSocketWatchdog({ silenceMs, stalled });
    cleanup.push(() => watchdog.close());
    return watchdog;
  };

  it("drops, while a call is overdue, the sockets that have heard nothing for the silence, and only those", async () => {
    const { server, port } = await listen((socket) => socket.on("data", (chunk) => socket.write(chunk)));
    cleanup.push(() => server.close());
    let stalled = false;
    const watchdog = watch(() => stalled, 200);
    const target = { host: ["127.0.0.1"], port: [port] };
    const quiet = watchdog.open(target);
    const answered = watchdog.open(target);
    for (const socket of [quiet, answered]) {
      socket.on("error", () => {});
      socket.on("data", () => {});
      cleanup.push(() => socket.destroy());
    }
    const chatter = setInterval(() => answered.write("x"), 20);
    cleanup.push(() => clearInterval(chatter));

    await sleep(500);
    expect(quiet.destroyed).toBe(false);
    stalled = true;
    await sleep(300);
    expect(quiet.destroyed).toBe(true);
    expect(answered.destroyed).toBe(false);
  });

  it("turns a connection the server closes before saying anything into an error", async () => {
    const { server, port } = await listen((socket) => socket.end());
    cleanup.push(() => server.close());
    const socket = watch(() => false, 1000).open({ host: ["127.0.0.1"], port: [port] });
    socket.on("data", () => {});
    const error = await new Promise<Error & { code?: string }>((resolve) => socket.once("error", resolve));
    expect(error.code).toBe("CONNECTION_CLOSED");
  });
});
