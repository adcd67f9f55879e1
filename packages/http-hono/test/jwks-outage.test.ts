/// <reference types="node" />
// The JWKS host is a real socket on 127.0.0.1, as the failure lives in reading its body.
import { createServer } from "node:http";
import { BOOTSTRAP_ADMIN, JWT_BEARER_GRANT } from "@jwtgrant/core";
import { describe, expect, it } from "vitest";
import { createHttpHarness } from "./support/http-harness.js";

const TIMEOUT_MS = 300;
// Room for a busy machine; the drip alone would take about 10 s.
const MARGIN_MS = 3000;
const DRIPPING_ISSUER = "https://dripping.example.com";

/** A JWKS endpoint that sends its headers at once, then its body one byte every 50 ms (about 10 s). */
async function startDrippingJwks() {
  const body = Buffer.from(JSON.stringify({ keys: [], padding: "x".repeat(200) }));
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json", "content-length": body.length });
    let sent = 0;
    const timer = setInterval(() => {
      if (sent === body.length) {
        clearInterval(timer);
        response.end();
        return;
      }
      response.write(body.subarray(sent, sent + 1));
      sent += 1;
    }, 50);
    response.on("close", () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the server has no TCP address");
  return {
    uri: `http://127.0.0.1:${address.port}/jwks.json`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe("POST /oauth2/token with an issuer whose JWKS host drips its body", () => {
  it("answers 503 temporarily_unavailable within the fetch timeout, not 500", async () => {
    const jwks = await startDrippingJwks();
    try {
      const h = await createHttpHarness({ engine: { jwksTimeoutMs: TIMEOUT_MS } });
      await h.engine.issuers.create(BOOTSTRAP_ADMIN, { issuer: DRIPPING_ISSUER, jwksUri: jwks.uri });
      const assertion = await h.assertion({ iss: DRIPPING_ISSUER });
      const started = performance.now();
      const response = await h.post("/oauth2/token", { grant_type: JWT_BEARER_GRANT, assertion });
      expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({
        error: "temporarily_unavailable",
        error_description: "the issuer's keys could not be fetched, retry later",
      });
      expect(h.logs.at(-1)).toMatchObject({ status: 503, reason: "jwks_unavailable" });
    } finally {
      await jwks.close();
    }
  });
});
