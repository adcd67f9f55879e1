import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readLimitedBody, readLimitedText } from "../src/index.js";

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe("readLimitedBody", () => {
  it("returns every chunk's bytes when the body is exactly at the limit", async () => {
    const bytes = await readLimitedBody(streamOf("ab", "cd"), { maxBytes: 4 });
    expect(new TextDecoder().decode(bytes)).toBe("abcd");
  });

  it("refuses a body one byte past the limit with BodyTooLargeError and leaves the stream unlocked", async () => {
    const stream = streamOf("ab", "cde");
    const read = readLimitedBody(stream, { maxBytes: 4 });
    await expect(read).rejects.toBeInstanceOf(BodyTooLargeError);
    await expect(read).rejects.toMatchObject({ maxBytes: 4 });
    expect(stream.locked).toBe(false);
  });

  it("ends a stalled read with the deadline's reason", async () => {
    const stalled = new ReadableStream<Uint8Array>({ start() {} });
    const deadline = new AbortController();
    const read = readLimitedBody(stalled, { maxBytes: 10, deadline: deadline.signal });
    deadline.abort(new Error("deadline passed"));
    await expect(read).rejects.toThrow("deadline passed");
  });

  it("reads no body as empty text, and decodes a character split across chunks", async () => {
    expect(await readLimitedText(null, { maxBytes: 0 })).toBe("");
    const euro = new TextEncoder().encode("€");
    const split = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(euro.slice(0, 1));
        controller.enqueue(euro.slice(1));
        controller.close();
      },
    });
    expect(await readLimitedText(split, { maxBytes: 3 })).toBe("€");
  });
});
