import { BodyTooLargeError } from "@jwtgrant/core";
import { describe, expect, it } from "vitest";
import { readNodeBody } from "../src/read-node-body.js";

/** Stands in for Node's request: emits its chunks, then `end`, once read; `resume` drains what is left. */
function incomingOf(...parts: Uint8Array[]) {
  const listeners = new Map<string, ((value?: Uint8Array) => void)[]>();
  const emit = (event: string, value?: Uint8Array) => {
    for (const listener of listeners.get(event) ?? []) listener(value);
  };
  const request = {
    drained: false,
    on(event: string, listener: (value?: Uint8Array) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      if (event === "data") {
        setTimeout(() => {
          for (const part of parts) emit("data", part);
          emit("end");
        });
      }
      return request;
    },
    removeAllListeners(event: string) {
      listeners.delete(event);
      return request;
    },
    resume() {
      request.drained = true;
      return request;
    },
  };
  return request;
}

const request = new Request("http://127.0.0.1/oauth2/token", { method: "POST" });

describe("readNodeBody", () => {
  it("reads the Node request's chunks as text, a character split across two chunks included", async () => {
    const euro = new TextEncoder().encode("a=€");
    const incoming = incomingOf(euro.slice(0, 3), euro.slice(3));
    expect(await readNodeBody(request, { incoming }, euro.byteLength)).toBe("a=€");
  });

  it("refuses with BodyTooLargeError once the body grows past the limit, and drains the rest unread", async () => {
    const incoming = incomingOf(new Uint8Array(60), new Uint8Array(60));
    await expect(readNodeBody(request, { incoming }, 100)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(incoming.drained).toBe(true);
  });

  it("leaves a request without a Node request to the Fetch body reader", () => {
    expect(readNodeBody(request, {}, 100)).toBeUndefined();
    expect(readNodeBody(request, undefined, 100)).toBeUndefined();
  });
});
