import {
  BOOTSTRAP_ADMIN,
  BodyTooLargeError,
  JWT_BEARER_CLIENT_ASSERTION_TYPE,
  JWT_BEARER_GRANT,
} from "@jwtgrant/core";
import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, basic, createHttpHarness } from "./support/http-harness.js";

const json = async (response: Response) => (await response.json()) as Record<string, unknown>;

describe("wire rules of the OAuth endpoints", () => {
  it("accepts only application/x-www-form-urlencoded", async () => {
    const h = await createHttpHarness();
    const body = JSON.stringify({ grant_type: JWT_BEARER_GRANT, assertion: await h.assertion() });
    const response = await h.post("/oauth2/token", body, { "content-type": "application/json" });
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ error: "invalid_request" });
    const withCharset = await h.post(
      "/oauth2/token",
      { grant_type: JWT_BEARER_GRANT, assertion: await h.assertion() },
      { "content-type": "application/x-www-form-urlencoded; charset=UTF-8" },
    );
    expect(withCharset.status).toBe(200);
  });

  it("refuses a repeated parameter", async () => {
    const h = await createHttpHarness();
    const assertion = await h.assertion();
    const response = await h.post(
      "/oauth2/token",
      `grant_type=${encodeURIComponent(JWT_BEARER_GRANT)}&assertion=${assertion}&assertion=${assertion}`,
    );
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({
      error: "invalid_request",
      error_description: "the assertion parameter is repeated",
    });
  });

  it("treats an empty parameter as omitted", async () => {
    const h = await createHttpHarness();
    const response = await h.post(
      "/oauth2/token",
      `grant_type=${encodeURIComponent(JWT_BEARER_GRANT)}&assertion=`,
    );
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({
      error: "invalid_request",
      error_description: "the assertion parameter is required",
    });
  });

  it("decodes Basic credentials per RFC 6749 §2.3.1 (each part form-urlencoded)", async () => {
    const h = await createHttpHarness();
    const { client, clientSecret } = await h.engine.clients.create(BOOTSTRAP_ADMIN, {});
    const secret = clientSecret ?? "";
    const raw = `Basic ${btoa(`${client.clientId}:${secret}`)}`;
    const params = async () => ({ grant_type: JWT_BEARER_GRANT, assertion: await h.assertion() });
    expect(
      (await h.post("/oauth2/token", await params(), { authorization: basic(client.clientId, secret) }))
        .status,
    ).toBe(200);
    expect((await h.post("/oauth2/token", await params(), { authorization: raw })).status).toBe(200);
  });

  it("refuses malformed Basic credentials as invalid_client", async () => {
    const h = await createHttpHarness();
    for (const authorization of ["Basic !!!", `Basic ${btoa("no-colon")}`, "Basic"]) {
      const response = await h.post("/oauth2/token", { grant_type: JWT_BEARER_GRANT }, { authorization });
      expect(response.status).toBe(401);
      expect((await json(response)).error).toBe("invalid_client");
    }
  });

  it("refuses two client authentication methods in one request", async () => {
    const h = await createHttpHarness();
    const response = await h.post("/oauth2/token", {
      grant_type: JWT_BEARER_GRANT,
      assertion: await h.assertion(),
      client_id: h.client.clientId,
      client_secret: h.clientSecret,
    });
    expect(response.status).toBe(400);
    expect((await json(response)).error).toBe("invalid_request");
    const jwtAndBasic = await h.post("/oauth2/token", {
      grant_type: JWT_BEARER_GRANT,
      client_assertion_type: JWT_BEARER_CLIENT_ASSERTION_TYPE,
      client_assertion: "a.b.c",
    });
    expect((await json(jwtAndBasic)).error).toBe("invalid_request");
  });

  it("answers 413 to a body over the limit", async () => {
    const h = await createHttpHarness({ maxBodyBytes: 1024 });
    const response = await h.post("/oauth2/token", {
      grant_type: JWT_BEARER_GRANT,
      assertion: "x".repeat(4096),
    });
    expect(response.status).toBe(413);
    expect((await json(response)).error).toBe("invalid_request");
  });

  it("answers 405 with Allow to a wrong method, and 404 elsewhere", async () => {
    const h = await createHttpHarness();
    const get = await h.app.request("/oauth2/token");
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    const post = await h.app.request("/oauth2/jwks", { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    expect((await h.app.request("/nowhere")).status).toBe(404);
  });

  it("echoes a well-formed X-Request-Id and makes one up otherwise", async () => {
    const h = await createHttpHarness();
    const given = await h.app.request("/healthz", { headers: { "x-request-id": "req-123" } });
    expect(given.headers.get("x-request-id")).toBe("req-123");
    const hostile = await h.app.request("/healthz", { headers: { "x-request-id": "bad id; with <spaces>" } });
    expect(hostile.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gives every kind of response exactly one X-Request-Id, with the no-store headers where they belong", async () => {
    const h = await createHttpHarness();
    const id = { "x-request-id": "req-7" };
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}`, ...id };
    const responses = {
      granted: await h.exchange(),
      refused: await h.post("/oauth2/token", { grant_type: JWT_BEARER_GRANT, assertion: "x.y.z" }, id),
      unauthenticated: await h.post(
        "/oauth2/token",
        { grant_type: JWT_BEARER_GRANT },
        { authorization: "Basic !!!", ...id },
      ),
      adminList: await h.app.request("/admin/clients", { headers: admin }),
      adminRefused: await h.app.request("/admin/clients", { headers: id }),
      adminMissing: await h.app.request("/admin/clients/nobody", { headers: admin }),
      jwks: await h.app.request("/oauth2/jwks", { headers: id }),
      notFound: await h.app.request("/nowhere", { headers: id }),
      wrongMethod: await h.app.request("/oauth2/token", { headers: id }),
      consolePage: await h.app.request("/console/sign-in", { headers: id }),
    };
    for (const [name, response] of Object.entries(responses)) {
      const ids = response.headers.get("x-request-id");
      expect(ids, name).toMatch(name === "granted" ? /^[0-9a-f-]{36}$/ : /^req-7$/);
    }
    for (const name of [
      "granted",
      "refused",
      "unauthenticated",
      "adminList",
      "adminRefused",
      "adminMissing",
    ] as const) {
      expect(responses[name].headers.get("cache-control"), name).toBe("no-store");
      expect(responses[name].headers.get("content-type"), name).toMatch(/^application\/json/);
    }
    expect(responses.unauthenticated.headers.get("www-authenticate")).toBe('Basic realm="jwtgrant"');
    expect(responses.adminRefused.headers.get("www-authenticate")).toBe('Bearer realm="jwtgrant"');
  });
});

describe("request log", () => {
  it("writes only the levels the logger takes", async () => {
    const h = await createHttpHarness({ logLevels: ["warn", "error"] });
    expect((await h.exchange()).status).toBe(200);
    expect(h.logs).toHaveLength(0);
    const refused = await h.post("/oauth2/token", { grant_type: JWT_BEARER_GRANT, assertion: "not-a-jwt" });
    expect(refused.status).toBe(400);
    expect(h.logs).toEqual([expect.objectContaining({ level: "warn", status: 400, error: "invalid_grant" })]);
  });

  it("writes one record per request, naming the decision, never a credential", async () => {
    const h = await createHttpHarness();
    const assertion = await h.assertion();
    await h.post("/oauth2/token", { grant_type: JWT_BEARER_GRANT, assertion });
    const replay = await h.post("/oauth2/token", { grant_type: JWT_BEARER_GRANT, assertion });
    const granted = await json(await h.exchange());
    expect(h.logs).toHaveLength(3);
    expect(h.logs[1]).toMatchObject({
      level: "warn",
      status: 400,
      endpoint: "token",
      client_id: h.client.clientId,
      grant_type: JWT_BEARER_GRANT,
      error: "invalid_grant",
      reason: "assertion_replayed",
      request_id: replay.headers.get("x-request-id"),
    });
    const text = JSON.stringify(h.logs);
    for (const secret of [
      assertion,
      h.clientSecret,
      String(granted.access_token),
      String(granted.refresh_token),
      "Basic ",
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe("request log of the admin API", () => {
  it("names the error of a refused admin request, and of a bad field", async () => {
    const h = await createHttpHarness();
    await h.app.request("/admin/issuers");
    expect(h.logs.at(-1)).toMatchObject({
      endpoint: "admin",
      status: 401,
      error: "invalid_token",
      reason: "admin_token",
    });
    await h.app.request("/admin/issuers", {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ issuer: "x", private_key: "nope" }),
    });
    expect(h.logs.at(-1)).toMatchObject({ status: 400, error: "invalid_request", reason: "invalid_field" });
    await h.app.request("/admin/issuers/unknown", { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(h.logs.at(-1)).toMatchObject({ status: 404, error: "not_found" });
  });
});

describe("reading OAuth request bodies", () => {
  it("refuses with 413 a body without a declared length once it grows past the limit", async () => {
    const h = await createHttpHarness({ maxBodyBytes: 1024 });
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(
          new TextEncoder().encode(`grant_type=${encodeURIComponent(JWT_BEARER_GRANT)}&assertion=`),
        );
        controller.enqueue(new TextEncoder().encode("x".repeat(4096)));
        controller.close();
      },
    });
    const response = await h.app.request("/oauth2/token", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: basic(h.client.clientId, h.clientSecret),
      },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it("reads the body through the runtime's reader when it can, and answers 413 when that reader finds it too large", async () => {
    const read: { env: unknown; maxBytes: number }[] = [];
    let bodyOf: (maxBytes: number) => Promise<string> | undefined = () => undefined;
    const h = await createHttpHarness({
      maxBodyBytes: 2048,
      app: {
        readBody: (_request, env, maxBytes) => {
          read.push({ env, maxBytes });
          return bodyOf(maxBytes);
        },
      },
    });
    const form = async () =>
      `grant_type=${encodeURIComponent(JWT_BEARER_GRANT)}&assertion=${await h.assertion()}`;
    const headers = {
      "content-type": "application/x-www-form-urlencoded",
      authorization: basic(h.client.clientId, h.clientSecret),
    };
    const env = { runtime: "request object" };
    const fromRuntime = await form();
    bodyOf = async () => fromRuntime;
    const granted = await h.app.request("/oauth2/token", { method: "POST", headers, body: "ignored" }, env);
    expect(granted.status).toBe(200);
    expect(read).toEqual([{ env, maxBytes: 2048 }]);

    bodyOf = async (maxBytes) => {
      throw new BodyTooLargeError(maxBytes);
    };
    const oversized = await h.app.request("/oauth2/token", { method: "POST", headers, body: "a=b" }, env);
    expect(oversized.status).toBe(413);

    bodyOf = () => undefined;
    const fromRequest = await h.app.request(
      "/oauth2/token",
      { method: "POST", headers, body: await form() },
      env,
    );
    expect(fromRequest.status).toBe(200);
  });
});
