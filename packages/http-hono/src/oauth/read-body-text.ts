import type { Context } from "hono";
import { PayloadTooLargeError } from "../errors/error-response.js";

/** What `@hono/node-server` puts in `c.env`: the Node request, readable as an async iterable of bytes. */
interface NodeBindings {
  readonly incoming?: AsyncIterable<Uint8Array | string>;
}

async function collect(chunks: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += typeof chunk === "string" ? chunk.length : chunk.byteLength;
    if (bytes > maxBytes) throw new PayloadTooLargeError();
    text += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}

async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
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
  if (incoming !== undefined) return collect(incoming, maxBytes);
  const body = c.req.raw.body;
  return body === null ? "" : collect(streamChunks(body), maxBytes);
}
