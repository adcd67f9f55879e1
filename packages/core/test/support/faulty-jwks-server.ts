/// <reference types="node" />
// Tests run on Node; core's sources stay free of node:* (their build sees no Node types).
import { createServer, type Socket } from "node:net";
import type { PublicJwk } from "../../src/domain/jwk.js";

/** The ways the server can fail a fetch, each after the request has been read. */
export const JWKS_FAULTS = [
  "drip", //                 a whole key set, one byte every 50 ms
  "reset", //                the headers and half the body, then a TCP reset
  "invalid-utf8", //         a complete JWK Set holding bytes that are not UTF-8
  "long-content-length", //  declares more bytes than it sends, then closes
  "short-content-length", // declares fewer bytes than it sends
  "stall", //                the headers, then nothing
] as const;

export type JwksFault = (typeof JWKS_FAULTS)[number];

/** A JWKS endpoint on 127.0.0.1 speaking raw HTTP/1.1, so that it can misbehave as real hosts do. */
export interface FaultyJwksServer {
  readonly uri: string;
  /** Requests received so far. */
  requests(): number;
  /** Answers every following request with this key set. */
  serve(keys: readonly PublicJwk[]): void;
  /** Fails every following request this way. */
  fail(fault: JwksFault): void;
  /** Stops listening and drops every connection. */
  close(): Promise<void>;
}

type Answer = { readonly kind: "ok"; readonly body: Buffer } | { readonly kind: JwksFault };

const DRIP_INTERVAL_MS = 50;
// The body of a failing answer: a JWK Set without the test's keys, long enough to drip for seconds.
const FAULT_BODY = Buffer.from(JSON.stringify({ keys: [], padding: "x".repeat(200) }));
const NOT_UTF8 = Buffer.concat([
  Buffer.from('{"keys":[],"note":"'),
  Buffer.from([0xff, 0xfe]),
  Buffer.from('"}'),
]);

const head = (contentLength: number): Buffer =>
  Buffer.from(
    `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${contentLength}\r\nconnection: close\r\n\r\n`,
  );

function answer(socket: Socket, reply: Answer): void {
  switch (reply.kind) {
    case "ok":
      socket.end(Buffer.concat([head(reply.body.length), reply.body]));
      return;
    case "drip": {
      socket.write(head(FAULT_BODY.length));
      let sent = 0;
      const timer = setInterval(() => {
        if (sent === FAULT_BODY.length) {
          clearInterval(timer);
          socket.end();
          return;
        }
        socket.write(FAULT_BODY.subarray(sent, sent + 1));
        sent += 1;
      }, DRIP_INTERVAL_MS);
      socket.on("close", () => clearInterval(timer));
      return;
    }
    case "reset":
      socket.write(Buffer.concat([head(FAULT_BODY.length), FAULT_BODY.subarray(0, FAULT_BODY.length / 2)]));
      // Let the client take in the headers first, so that the reset lands mid-body.
      setTimeout(() => socket.resetAndDestroy(), 50);
      return;
    case "invalid-utf8":
      socket.end(Buffer.concat([head(NOT_UTF8.length), NOT_UTF8]));
      return;
    case "long-content-length":
      socket.end(Buffer.concat([head(FAULT_BODY.length + 100), FAULT_BODY]));
      return;
    case "short-content-length":
      socket.end(Buffer.concat([head(Math.floor(FAULT_BODY.length / 2)), FAULT_BODY]));
      return;
    case "stall":
      socket.write(head(FAULT_BODY.length));
      return;
  }
}

export async function startFaultyJwksServer(): Promise<FaultyJwksServer> {
  let reply: Answer = { kind: "ok", body: Buffer.from('{"keys":[]}') };
  let requests = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    let received = "";
    const onData = (chunk: Buffer) => {
      received += chunk.toString("latin1");
      if (!received.includes("\r\n\r\n")) return;
      socket.off("data", onData);
      requests += 1;
      answer(socket, reply);
    };
    socket.on("data", onData);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the server has no TCP address");
  return {
    uri: `http://127.0.0.1:${address.port}/jwks.json`,
    requests: () => requests,
    serve: (keys) => {
      reply = { kind: "ok", body: Buffer.from(JSON.stringify({ keys })) };
    },
    fail: (fault) => {
      reply = { kind: fault };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
