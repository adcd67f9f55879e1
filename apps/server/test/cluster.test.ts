import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  admin,
  exchange,
  JWT_BEARER,
  oauthPost,
  partnerAssertion,
  refresh,
  registerPartner,
  type Tokens,
} from "./support/classic-flow.js";
import {
  ADMIN_TOKEN,
  type RunningServer,
  SECRETS,
  startServer,
  tempDataDir,
} from "./support/server-process.js";
import { createTestDatabase, hasPostgres, type TestDatabase } from "./support/test-database.js";

const ISSUER = "http://jwtgrant.cluster.test";
const CACHE_MAX_AGE_SECONDS = 1;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(hasPostgres)("two server processes on one PostgreSQL", () => {
  let database: TestDatabase;
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = {
      DATABASE_URL: database.url,
      JWTGRANT_SECRETS: SECRETS,
      JWTGRANT_ISSUER: ISSUER,
      JWTGRANT_CACHE_MAX_AGE: String(CACHE_MAX_AGE_SECONDS),
      JWTGRANT_REFRESH_TOKEN_REUSE_GRACE: "30",
    };
    a = await startServer({ dataDir: await tempDataDir(), env });
    b = await startServer({ dataDir: await tempDataDir(), env });
  });

  afterAll(async () => {
    expect(await a.stop()).toBe(0);
    expect(await b.stop()).toBe(0);
    await database.drop();
  });

  it("accepts one assertion posted concurrently to both exactly once", async () => {
    const client = await registerPartner(a.url);
    const assertion = await partnerAssertion(ISSUER);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        oauthPost(i % 2 === 0 ? a.url : b.url, "/oauth2/token", client, {
          grant_type: JWT_BEARER,
          assertion,
        }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 400)).toHaveLength(9);
    const refused = (await Promise.all(responses.filter((r) => r.status === 400).map((r) => r.json()))) as {
      error: string;
    }[];
    expect(new Set(refused.map((body) => body.error))).toEqual(new Set(["invalid_grant"]));
  });

  it("answers one refresh token retried on both instances at once with one successor", async () => {
    const client = await registerRefreshingClient(a.url);
    const { refresh_token: spent } = await exchange(a.url, client, await partnerAssertion(ISSUER));
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        oauthPost(i % 2 === 0 ? a.url : b.url, "/oauth2/token", client, {
          grant_type: "refresh_token",
          refresh_token: spent,
        }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as Tokens[];
    const successors = new Set(bodies.map((body) => body.refresh_token));
    expect(successors.size).toBe(1);
    expect(successors.has(spent)).toBe(false);
    expect(new Set(bodies.map((body) => body.access_token)).size).toBe(6);
    await expect(refresh(b.url, client, bodies[0]?.refresh_token ?? "")).resolves.toMatchObject({
      token_type: "Bearer",
    });
  });

  it("refuses, on the other instance, an issuer disabled through one, within the cache max age", async () => {
    const [issuers] = [(await (await admin(a.url, "GET", "/issuers")).json()) as { items: { id: string }[] }];
    const issuerId = issuers.items[0]?.id ?? "";
    const client = await registerPartnerClient(a.url);
    await exchange(b.url, client, await partnerAssertion(ISSUER));
    expect((await admin(a.url, "PATCH", `/issuers/${issuerId}`, { enabled: false })).status).toBe(200);
    await sleep(CACHE_MAX_AGE_SECONDS * 1000 + 200);
    const response = await oauthPost(b.url, "/oauth2/token", client, {
      grant_type: JWT_BEARER,
      assertion: await partnerAssertion(ISSUER),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_grant" });
    await admin(a.url, "PATCH", `/issuers/${issuerId}`, { enabled: true });
  });

  it("publishes, on both, a key rotated through one", async () => {
    const rotated = (await (await admin(a.url, "POST", "/keys/rotate")).json()) as { kid: string };
    await sleep(CACHE_MAX_AGE_SECONDS * 1000 + 200);
    for (const server of [a, b]) {
      const jwks = (await (await fetch(`${server.url}/oauth2/jwks`)).json()) as { keys: { kid: string }[] };
      expect(jwks.keys.map((key) => key.kid)).toContain(rotated.kid);
    }
  });

  it("ends a console session signed out on one for the other too", async () => {
    const form = (url: string, body: Record<string, string>, cookie?: string) =>
      fetch(url, {
        method: "POST",
        redirect: "manual",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: new URL(url).origin,
          ...(cookie === undefined ? {} : { cookie }),
        },
        body: new URLSearchParams(body).toString(),
      });
    const page = (server: RunningServer, cookie: string) =>
      fetch(`${server.url}/console`, { redirect: "manual", headers: { cookie } });
    const signIn = await form(`${a.url}/console/sign-in`, { token: ADMIN_TOKEN });
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const overview = await page(b, cookie);
    expect(overview.status).toBe(200);
    const csrfToken = /name="csrf_token" value="([^"]+)"/.exec(await overview.text())?.[1] ?? "";
    expect((await form(`${a.url}/console/sign-out`, { csrf_token: csrfToken }, cookie)).status).toBe(303);
    for (const server of [a, b]) {
      const replayed = await page(server, cookie);
      expect(replayed.status).toBe(303);
      expect(replayed.headers.get("location")).toBe("/console/sign-in");
    }
  });
});

async function registerPartnerClient(url: string) {
  const response = await admin(url, "POST", "/clients", { grant_types: [JWT_BEARER], scope: "orders:read" });
  const body = (await response.json()) as { client_id: string; client_secret: string };
  return { clientId: body.client_id, clientSecret: body.client_secret };
}

async function registerRefreshingClient(url: string) {
  const response = await admin(url, "POST", "/clients", {
    grant_types: [JWT_BEARER, "refresh_token"],
    scope: "orders:read",
  });
  const body = (await response.json()) as { client_id: string; client_secret: string };
  return { clientId: body.client_id, clientSecret: body.client_secret };
}
