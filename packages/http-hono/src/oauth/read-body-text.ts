import { BodyTooLargeError, readLimitedText } from "@jwtgrant/core";
import type { Context } from "hono";
import { PayloadTooLargeError } from "../errors/error-response.js";

/** The Node request `@hono/node-server` puts in `c.env.incoming`: a readable stream of bytes. */
interface NodeIncoming {
  on(event: "data", listener: (chunk: Uint8Array) => void): unknown;
  on(event: "end", listener: () => void): unknown;
  on(event: "error", listener: (error: unknown) => void): unknown;
  removeAllListeners(event: "data" | "end" | "error"): unknown;
  resume(): unknown;
}

interface NodeBindings {
  readonly incoming?: NodeIncoming;
}

/** A body's text, decoded chunk by chunk and refused as soon as it grows past `maxBytes`. */
function bodyText(maxBytes: number) {
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  return {
    /** Throws `PayloadTooLargeError` once the body is past the limit. */
    add(chunk: Uint8Array): void {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) throw new PayloadTooLargeError();
      text += decoder.decode(chunk, { stream: true });
    },
    end: (): string => text + decoder.decode(),
  };
}

/**
 * Reads the Node request through its events, which cost less per request than its async iterator. Past
 * `maxBytes` the rest is drained unread, so the connection can still carry the 413.
 */
function readNodeRequest(incoming: NodeIncoming, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const body = bodyText(maxBytes);
    incoming.on("data", (chunk) => {
      try {
        body.add(chunk);
      } catch (error) {
        incoming.removeAllListeners("data");
        incoming.removeAllListeners("end");
        incoming.resume();
        reject(error);
      }
    });
    incoming.on("end", () => resolve(body.end()));
    incoming.on("error", reject);
  });
}

/**
 * The request body as text, refused past `maxBytes` (by its declared length before reading, else while
 * reading). Under the Node adapter it is read straight from the Node request: materialising a Fetch
 * `Request` with a body stream costs more than the rest of the HTTP layer.
 */
export async function readBodyText(c: Context, maxBytes: number): Promise<string> {
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > maxBytes) throw new PayloadTooLargeError();
  const incoming = (c.env as NodeBindings | undefined)?.incoming;
  if (incoming !== undefined) return readNodeRequest(incoming, maxBytes);
  try {
    return await readLimitedText(c.req.raw.body, { maxBytes });
  } catch (error) {
    throw error instanceof BodyTooLargeError ? new PayloadTooLargeError() : error;
  }
}
