import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createSocketWatchdog, type SocketWatchdog } from "../src/socket-watchdog.js";

const SILENCE_MS = 1000;

/** A server on 127.0.0.1 that hands each connection to `onConnection`. */
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

const once = (socket: Socket, event: string) => new Promise((resolve) => socket.once(event, resolve));

describe("socket watchdog", () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => {
    for (const step of cleanup.splice(0)) step();
    vi.useRealTimers();
  });
  /** Real sockets; the watchdog's sampling and clock advanced by hand. */
  const watch = (stalled: () => boolean): SocketWatchdog => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "performance"] });
    const watchdog = createSocketWatchdog({ silenceMs: SILENCE_MS, stalled });
    cleanup.push(() => watchdog.close());
    return watchdog;
  };
  const open = async (watchdog: SocketWatchdog, port: number) => {
    const socket = watchdog.open({ host: ["127.0.0.1"], port: [port] });
    socket.on("error", () => {});
    socket.on("data", () => {});
    cleanup.push(() => socket.destroy());
    await once(socket, "connect");
    return socket;
  };

  it("drops, while a call is overdue, the sockets silent for the whole silence, and only those", async () => {
    const { server, port } = await listen((socket) => socket.on("data", (chunk) => socket.write(chunk)));
    cleanup.push(() => server.close());
    let stalled = false;
    const watchdog = watch(() => stalled);
    const quiet = await open(watchdog, port);
    const answered = await open(watchdog, port);
    const exchange = async () => {
      answered.write("x");
      await once(answered, "data");
    };

    await exchange();
    await vi.advanceTimersByTimeAsync(2 * SILENCE_MS);
    expect(quiet.destroyed).toBe(false);
    stalled = true;
    for (let step = 0; step < 4; step++) {
      await exchange();
      await vi.advanceTimersByTimeAsync(SILENCE_MS / 2);
    }
    expect(quiet.destroyed).toBe(true);
    expect(answered.destroyed).toBe(false);
  });

  it("counts the silence of a long-idle socket from the first thing it is sent", async () => {
    const received: Promise<unknown>[] = [];
    const { server, port } = await listen((socket) => received.push(once(socket, "data")));
    cleanup.push(() => server.close());
    let stalled = false;
    const watchdog = watch(() => stalled);
    const idle = await open(watchdog, port);
    await vi.advanceTimersByTimeAsync(5 * SILENCE_MS);

    stalled = true;
    idle.write("a query");
    await received[0];
    await vi.advanceTimersByTimeAsync(SILENCE_MS / 2);
    expect(idle.destroyed).toBe(false);
    await vi.advanceTimersByTimeAsync(SILENCE_MS);
    expect(idle.destroyed).toBe(true);
  });

  it("turns a connection the server closes before saying anything into an error", async () => {
    const { server, port } = await listen((socket) => socket.end());
    cleanup.push(() => server.close());
    const watchdog = createSocketWatchdog({ silenceMs: SILENCE_MS, stalled: () => false });
    cleanup.push(() => watchdog.close());
    const opened = watchdog.open({ host: ["127.0.0.1"], port: [port] });
    opened.on("data", () => {});
    const error = await new Promise<Error & { code?: string }>((resolve) => opened.once("error", resolve));
    expect(error.code).toBe("CONNECTION_CLOSED");
  });
});
