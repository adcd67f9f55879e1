import { createMemoryStorage, JWT_BEARER_GRANT, type RefusalReason } from "@jwtgrant/core";
import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, createHttpHarness, IDP } from "./support/http-harness.js";

type Harness = Awaited<ReturnType<typeof createHttpHarness>>;

const adminPost = (h: Harness, body: string, contentType: string) =>
  h.app.request("/admin/issuers", {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": contentType },
    body,
  });

/** Refusals the HTTP layer makes itself, before or around the engine: each with the reason it logs. */
const CASES: ReadonlyArray<readonly [RefusalReason, number, (h: Harness) => Response | Promise<Response>]> = [
  [
    "content_type",
    400,
    (h) => h.post("/oauth2/token", "grant_type=x", { "content-type": "application/json" }),
  ],
  ["content_type", 400, (h) => adminPost(h, "{}", "text/plain")],
  [
    "conflict",
    409,
    (h) => adminPost(h, JSON.stringify({ issuer: IDP, jwks_uri: `${IDP}/jwks` }), "application/json"),
  ],
  ["malformed_json", 400, (h) => adminPost(h, "{", "application/json")],
  [
    "repeated_parameter",
    400,
    (h) => h.post("/oauth2/token", `grant_type=${encodeURIComponent(JWT_BEARER_GRANT)}&scope=a&scope=b`),
  ],
  ["grant_type_missing", 400, (h) => h.post("/oauth2/token", { scope: "read" })],
  ["grant_type_unsupported", 400, (h) => h.post("/oauth2/token", { grant_type: "password" })],
  [
    "basic_malformed",
    401,
    (h) => h.post("/oauth2/token", { grant_type: JWT_BEARER_GRANT }, { authorization: "Basic !!!" }),
  ],
  ["method_not_allowed", 405, (h) => h.app.request("/oauth2/token")],
  ["not_found", 404, (h) => h.app.request("/nowhere")],
  [
    "body_too_large",
    413,
    (h) => h.post("/oauth2/token", { grant_type: JWT_BEARER_GRANT, assertion: "x".repeat(70_000) }),
  ],
];

describe("the request log of a refusal the HTTP layer makes", () => {
  it.each(CASES)("names the reason %s (status %i)", async (reason, status, send) => {
    const h = await createHttpHarness({ maxBodyBytes: 65_536 });
    const response = await send(h);
    expect(response.status).toBe(status);
    expect(h.logs.at(-1)).toMatchObject({ status, reason });
  });

  it("names the reason unexpected for a failure that is not a refusal", async () => {
    const memory = createMemoryStorage();
    let failing = false;
    const storage = {
      ...memory,
      clients: {
        ...memory.clients,
        findById: (clientId: string) =>
          failing ? Promise.reject(new Error("boom")) : memory.clients.findById(clientId),
      },
    };
    const h = await createHttpHarness({ storage });
    failing = true;
    const response = await h.exchange();
    expect(response.status).toBe(500);
    expect(h.logs.at(-1)).toMatchObject({ status: 500, error: "server_error", reason: "unexpected" });
  });
});
