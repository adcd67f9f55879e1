import { connect, type Socket } from "node:net";

/** What postgres.js hands its `socket` option: the hosts and ports of the URL, or a unix socket's path. */
export interface SocketTarget {
  readonly host: readonly string[];
  readonly port: readonly number[];
  readonly path?: string | false | undefined;
}

export interface SocketWatchdogOptions {
  /** Sockets silent for this long are dropped, while `stalled()` holds. */
  readonly silenceMs: number;
  /** Whether some call is waiting on a connection past its deadline. */
  readonly stalled: () => boolean;
}

export interface SocketWatchdog {
  /** For postgres.js's `socket` option: opens the socket of one connection, and watches it. */
  open(target: SocketTarget): Socket;
  /** Stops watching; the sockets stay with the client that closes them. */
  close(): void;
}

interface Watched {
  readonly socket: Socket;
  bytesRead: number;
  bytesWritten: number;
  /** Whether it has been sent something since it last received anything. */
  asked: boolean;
  /** When its silence began: when it last received something, or was first sent something after that. */
  silentSince: number;
}

/** The error of a connection the server closed before it said anything. */
const closedUnanswered = () =>
  Object.assign(new Error("the database closed the connection without answering"), {
    code: "CONNECTION_CLOSED",
  });

/**
 * A silent socket that never heard a byte belongs to a connection still opening. It is destroyed with an
 * error: without one, postgres.js would open another connection for the same query rather than fail it.
 * Any other is destroyed without one: postgres.js then fails its queries as the socket closes. Given an
 * error, it would fail them on the error, and hand the connection new queries until the socket closes,
 * which it would then never settle.
 */
const silenceError = (socket: Socket, ms: number) =>
  socket.bytesRead > 0
    ? undefined
    : Object.assign(new Error(`the database connection heard nothing for ${ms} ms`), {
        code: "CONNECTION_DESTROYED",
      });

/**
 * Drops the connections a silent network partition has stuck. Nothing reports such a connection: the
 * operating system goes on retransmitting for many minutes, and postgres.js keeps the connection, and
 * sends it queries, as long as the socket is open. So the watchdog samples, a few times per `silenceMs`,
 * how many bytes each socket has received and sent; while a call is overdue, it destroys every socket that
 * has received nothing for `silenceMs`, counted from the first thing it was sent since, if any. postgres.js
 * then fails the queries on it and opens a fresh connection for the next. A healthy idle connection
 * dropped with them costs one reconnection; one at work receives its answers, and is silent that long only
 * under a query that has itself outrun the deadline. The counts are those of the TCP socket, so they hold
 * under TLS too (except for what Bun and Deno send under TLS: there the silence counts from what it last
 * received).
 */
export function createSocketWatchdog(options: SocketWatchdogOptions): SocketWatchdog {
  const watched = new Set<Watched>();
  let opened = 0;

  const sample = () => {
    const now = performance.now();
    const stalled = options.stalled();
    for (const entry of watched) {
      const { socket } = entry;
      if (socket.destroyed) {
        watched.delete(entry);
        continue;
      }
      if (socket.bytesRead !== entry.bytesRead) {
        entry.bytesRead = socket.bytesRead;
        entry.bytesWritten = socket.bytesWritten;
        entry.asked = false;
        entry.silentSince = now;
        continue;
      }
      if (socket.bytesWritten !== entry.bytesWritten) {
        entry.bytesWritten = socket.bytesWritten;
        if (!entry.asked) entry.silentSince = now;
        entry.asked = true;
      }
      if (stalled && now - entry.silentSince >= options.silenceMs) {
        socket.destroy(silenceError(socket, options.silenceMs));
      }
    }
  };
  const timer = setInterval(sample, options.silenceMs / 4);
  timer.unref?.();

  return {
    open(target) {
      const index = opened++ % Math.max(1, target.port.length);
      const socket = target.path
        ? connect(target.path)
        : connect(target.port[index] ?? 5432, target.host[index] ?? "localhost");
      // postgres.js reconnects at once, and for ever, when a connection it is opening closes without an
      // error (a proxy that accepts and closes): make that close the connection error it is.
      socket.once("end", () => {
        if (socket.bytesRead === 0) socket.destroy(closedUnanswered());
      });
      watched.add({ socket, bytesRead: 0, bytesWritten: 0, asked: false, silentSince: performance.now() });
      return socket;
    },
    close() {
      clearInterval(timer);
    },
  };
}
