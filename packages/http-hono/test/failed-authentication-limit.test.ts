import { BOOTSTRAP_ADMIN, JWT_BEARER_GRANT, StorageUnavailableError } from "@jwtgrant/core";
import { describe, expect, it } from "vitest";
import type { ClientAddress } from "../src/oauth/client-address.js";
import { basic, createHttpHarness, type HarnessOptions } from "./support/http-harness.js";

const json = async (response: Response) => (await response.json()) as Record<string, unknown>;

// app.request has no socket: the test names the peer in a header only this address reader believes.
const PEER_HEADER = "x-test-peer";
const peerFromHeader: ClientAddress = (request) => request.headers.get(PEER_HEADER) ?? undefined;

async function harness(app: HarnessOptions["app"] = {}) {
  const h = await createHttpHarness({ app: { clientAddress: peerFromHeader, ...app } });
  const right = basic(h.client.clientId, h.clientSecret);
  const wrong = basic(h.client.clientId, "not-the-secret");
  /** A token request from `peer` with the given Authorization header. */
  const token = async (authorization: string, peer = "192.0.2.1") =>
    h.post(
      "/oauth2/token",
      { grant_type: JWT_BEARER_GRANT, assertion: await h.assertion() },
      { authorization, [PEER_HEADER]: peer },
    );
  return { h, right, wrong, token };
}

describe("failed client authentication limits", () => {
  it("answers 429 with Retry-After after 10 failures of one client_id, even to its right secret", async () => {
    const { h, right, wrong, token } = await harness();
    for (let i = 0; i < 10; i++) expect((await token(wrong, `192.0.2.${i}`)).status).toBe(401);
    for (const authorization of [wrong, right]) {
      const refused = await token(authorization, "198.51.100.9");
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("60");
      expect(refused.headers.get("cache-control")).toBe("no-store");
      expect(refused.headers.get("www-authenticate")).toBeNull();
      expect(await json(refused)).toEqual({
        error: "temporarily_unavailable",
        error_description: "too many failed client authentications, retry later",
      });
    }
    expect(h.logs.at(-1)).toMatchObject({ status: 429, reason: "client_auth_rate_limited" });
    const { client, clientSecret } = await h.engine.clients.create(BOOTSTRAP_ADMIN, {
      grantTypes: [JWT_BEARER_GRANT],
    });
    expect((await token(basic(client.clientId, clientSecret ?? ""), "198.51.100.9")).status).toBe(200);
  });

  it("lets the client in again once the window from its first failure has passed", async () => {
    const { h, right, wrong, token } = await harness();
    for (let i = 0; i < 10; i++) await token(wrong);
    h.clock.advance(59);
    const late = await token(right);
    expect(late.status).toBe(429);
    expect(late.headers.get("retry-after")).toBe("1");
    h.clock.advance(1);
    expect((await token(right)).status).toBe(200);
    expect((await token(wrong)).status).toBe(401);
  });

  it("does not reset the count on a success, and serves successes untouched below the limit", async () => {
    const { right, wrong, token } = await harness();
    for (let i = 0; i < 9; i++) await token(wrong);
    for (let i = 0; i < 3; i++) expect((await token(right)).status).toBe(200);
    expect((await token(wrong)).status).toBe(401);
    expect((await token(right)).status).toBe(429);
  });

  it("does not even ask for the address of a request while no key is refused", async () => {
    let asked = 0;
    const { right, wrong, token } = await harness({
      clientAddress: (request) => {
        asked += 1;
        return peerFromHeader(request, undefined);
      },
    });
    for (let i = 0; i < 5; i++) expect((await token(right)).status).toBe(200);
    expect(asked).toBe(0);
    await token(wrong);
    expect(asked).toBe(1);
  });

  it("refuses an address after 50 failures on any OAuth endpoint, whichever client_ids they named", async () => {
    const { h, right, token } = await harness();
    const endpoints = ["/oauth2/token", "/oauth2/revoke", "/oauth2/introspect"];
    for (let i = 0; i < 50; i++) {
      const response = await h.post(
        endpoints[i % 3] ?? "",
        { token: "x" },
        { authorization: basic(`guess-${i}`, "s"), [PEER_HEADER]: "203.0.113.5" },
      );
      expect(response.status).toBe(401);
    }
    const refused = await h.post(
      "/oauth2/introspect",
      { token: "x" },
      { authorization: right, [PEER_HEADER]: "203.0.113.5" },
    );
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect((await token(right, "203.0.113.6")).status).toBe(200);
  });

  it("counts malformed and missing client credentials against the address", async () => {
    const { h, right, token } = await harness({ failedAuthenticationLimits: { maxFailuresPerAddress: 2 } });
    const peer = { [PEER_HEADER]: "192.0.2.44" };
    expect(
      (await h.post("/oauth2/token", { token: "x" }, { authorization: "Basic !!!", ...peer })).status,
    ).toBe(401);
    expect((await h.post("/oauth2/token", { token: "x" }, { authorization: "", ...peer })).status).toBe(401);
    expect((await token(right, "192.0.2.44")).status).toBe(429);
  });

  it("counts neither requests refused before authentication nor a storage outage", async () => {
    const { h, right, wrong, token } = await harness({
      failedAuthenticationLimits: { maxFailuresPerClient: 2 },
    });
    const twoMethods = await h.post("/oauth2/token", { client_secret: "s" }, { authorization: wrong });
    expect(twoMethods.status).toBe(400);
    const findById = h.storage.clients.findById;
    h.storage.clients.findById = async () => {
      throw new StorageUnavailableError("down");
    };
    expect((await token(wrong)).status).toBe(503);
    h.storage.clients.findById = findById;
    expect((await token(wrong)).status).toBe(401);
    expect((await token(right)).status).toBe(200);
  });

  it("keeps counting an attacked client_id through a spray of random ones, within its bound", async () => {
    const { h, right, wrong, token } = await harness({ failedAuthenticationLimits: { maxTrackedKeys: 20 } });
    for (let i = 0; i < 5; i++) await token(wrong, "192.0.2.1");
    for (let i = 0; i < 300; i++) {
      const response = await token(basic(crypto.randomUUID(), "s"), `10.0.${i >> 8}.${i & 255}`);
      expect(response.status).toBe(401);
    }
    for (let i = 0; i < 5; i++) await token(wrong, "192.0.2.2");
    expect((await token(right, "192.0.2.3")).status).toBe(429);
    expect(h.logs.filter((record) => record.status === 429)).toHaveLength(1);
  });
});
