import { createEngine, createMemoryStorage, type Storage, tokenFingerprint } from "@jwtgrant/core";
import { createFrozenClock, generateTestKey } from "@jwtgrant/core/testing";
import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, expectError, mountAdminApi, NOW, send } from "./admin-harness.js";

interface AuditRecordWire {
  id: string;
  at: string;
  actor: Record<string, string>;
  action: string;
  target_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

interface AuditPage {
  items: AuditRecordWire[];
  next_before: string | null;
}

/** An admin API on storage that the test can also reach, as another instance on the same database would. */
function instance(storage: Storage = createMemoryStorage(), signingAlgorithm: "ES256" | "RS256" = "ES256") {
  const clock = createFrozenClock(new Date(NOW));
  const engine = createEngine({ storage, clock }, { issuer: "https://as.example.com", signingAlgorithm });
  const app = mountAdminApi(engine);
  return {
    storage,
    engine,
    request: (method: string, path: string, options: Parameters<typeof send>[3] = {}) =>
      send(app, method, path, options),
  };
}

describe("admin API: the audit log", () => {
  it("records each change once, under the credential that made it, and no secret anywhere", async () => {
    const server = instance(createMemoryStorage(), "RS256");
    await server.engine.ensureSigningKey();
    const { request } = server;
    const asKey = (key: string) => ({ authorization: `Bearer ${key}` });
    const expectRecorded = async (action: string, actor: Record<string, string>, targetId: string) => {
      const page = (await request("GET", "/audit?limit=1")).json<AuditPage>();
      expect(page.items[0]).toMatchObject({ action, actor, target_id: targetId, at: NOW });
      return page.items[0];
    };

    const created = await request("POST", "/admin-keys", { body: { name: "ci" } });
    expect(created.status).toBe(201);
    const ci = created.json<{ id: string; name: string; key: string }>();
    const ciActor = { kind: "api_key", id: ci.id, name: "ci" };
    const bootstrap = { kind: "bootstrap_token", fingerprint: await tokenFingerprint(ADMIN_TOKEN) };
    expect(bootstrap.fingerprint).toMatch(/^[0-9a-f]{12}$/);
    await expectRecorded("admin_key.create", bootstrap, ci.id);

    const key = await generateTestKey("ES256", "idp-1");
    const issuer = (
      await request("POST", "/issuers", {
        ...asKey(ci.key),
        body: { issuer: "https://idp.example.com", jwks: { keys: [key.publicJwk] } },
      })
    ).json<{ id: string }>();
    await expectRecorded("issuer.create", ciActor, issuer.id);
    await request("PATCH", `/issuers/${issuer.id}`, { ...asKey(ci.key), body: { scope: "read" } });
    const update = await expectRecorded("issuer.update", ciActor, issuer.id);
    expect(update?.before).toMatchObject({ scope: null });
    expect(update?.after).toMatchObject({ scope: "read" });

    const client = (await request("POST", "/clients", { ...asKey(ci.key), body: { scope: "read" } })).json<{
      client_id: string;
      client_secret: string;
    }>();
    await expectRecorded("client.create", ciActor, client.client_id);
    const importedSecret = "Imported-secret-0123456789-abcdefghijklmnop";
    await request("POST", "/clients", { body: { client_id: "moved", client_secret: importedSecret } });
    await expectRecorded("client.create", bootstrap, "moved");
    const rotated = (await request("POST", `/clients/${client.client_id}/secret`, asKey(ci.key))).json<{
      client_secret: string;
    }>();
    await expectRecorded("client.rotate_secret", ciActor, client.client_id);
    await request("PATCH", "/clients/moved", { body: { client_name: "Moved" } });
    await expectRecorded("client.update", bootstrap, "moved");
    const signingKey = (await request("POST", "/keys/rotate", asKey(ci.key))).json<{ kid: string }>();
    await expectRecorded("signing_key.rotate", ciActor, signingKey.kid);
    await request("DELETE", `/clients/${client.client_id}`, asKey(ci.key));
    await expectRecorded("client.delete", ciActor, client.client_id);
    await request("DELETE", `/issuers/${issuer.id}`);
    await expectRecorded("issuer.delete", bootstrap, issuer.id);
    const other = (await request("POST", "/admin-keys", { body: { name: "other" } })).json<{ key: string }>();
    await request("DELETE", `/admin-keys/${ci.id}`);
    await expectRecorded("admin_key.revoke", bootstrap, ci.id);

    const log = await request("GET", "/audit?limit=500");
    expect(log.status).toBe(200);
    expect(log.json<AuditPage>().items.map((record) => record.action)).toEqual([
      "admin_key.revoke",
      "admin_key.create",
      "issuer.delete",
      "client.delete",
      "signing_key.rotate",
      "client.update",
      "client.rotate_secret",
      "client.create",
      "client.create",
      "issuer.update",
      "issuer.create",
      "admin_key.create",
    ]);
    const privateMembers = (await server.storage.signingKeys.list()).flatMap((stored) =>
      ["d", "p", "q"].map((member) => String((stored.privateJwk as Record<string, unknown>)[member])),
    );
    expect(privateMembers.filter((member) => member.length > 20)).toHaveLength(6);
    const secrets = [
      ADMIN_TOKEN,
      ci.key,
      other.key,
      client.client_secret,
      rotated.client_secret,
      importedSecret,
      ...privateMembers,
    ];
    for (const secret of secrets) expect(log.text).not.toContain(secret);
  });

  it("pages newest first with limit, before and next_before", async () => {
    const { request } = instance();
    for (const name of ["a", "b", "c"]) await request("POST", "/admin-keys", { body: { name } });
    const first = (await request("GET", "/audit?limit=2")).json<AuditPage>();
    expect(first.items.map((record) => record.after?.name)).toEqual(["c", "b"]);
    expect(first.next_before).toBe(first.items[1]?.id);
    const second = (await request("GET", `/audit?limit=2&before=${first.next_before}`)).json<AuditPage>();
    expect(second.items.map((record) => record.after?.name)).toEqual(["a"]);
    expect(second.next_before).toBeNull();
  });

  it("refuses a limit or a before that it cannot use, naming the parameter", async () => {
    const { request } = instance();
    expectError(await request("GET", "/audit?limit=0"), 400, "invalid_request", /limit/, "limit");
    expectError(await request("GET", "/audit?limit=501"), 400, "invalid_request", /limit/, "limit");
    expectError(await request("GET", "/audit?limit=ten"), 400, "invalid_request", /limit/, "limit");
    expectError(await request("GET", "/audit?before=x1"), 400, "invalid_request", /before/, "before");
  });
});

describe("admin API: admin keys", () => {
  it("shows a key once at creation, then lists it without the key", async () => {
    const { request } = instance();
    const created = await request("POST", "/admin-keys", { body: { name: "ci" } });
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const body = created.json<{ id: string; key: string }>();
    expect(body).toEqual({ id: body.id, name: "ci", created_at: NOW, key: expect.stringMatching(/^jgak_/) });
    const listed = await request("GET", "/admin-keys", { authorization: `Bearer ${body.key}` });
    expect(listed.json()).toEqual({ items: [{ id: body.id, name: "ci", created_at: NOW }] });
    expect(listed.text).not.toContain(body.key);
  });

  it("refuses a duplicate name with 409 and a bad one with 400", async () => {
    const { request } = instance();
    await request("POST", "/admin-keys", { body: { name: "ci" } });
    expectError(await request("POST", "/admin-keys", { body: { name: "ci" } }), 409, "conflict", /ci/);
    expectError(
      await request("POST", "/admin-keys", { body: { name: "c i" } }),
      400,
      "invalid_request",
      /name/,
      "name",
    );
    expectError(await request("POST", "/admin-keys", { body: {} }), 400, "invalid_request", /name/, "name");
    expectError(await request("DELETE", "/admin-keys/no-such-key"), 404, "not_found");
  });

  it("is refused by another instance at its next request once revoked on one", async () => {
    const storage = createMemoryStorage();
    const one = instance(storage);
    const other = instance(storage);
    const { id, key } = (await one.request("POST", "/admin-keys", { body: { name: "ci" } })).json<{
      id: string;
      key: string;
    }>();
    expect((await other.request("GET", "/issuers", { authorization: `Bearer ${key}` })).status).toBe(200);
    expect((await one.request("DELETE", `/admin-keys/${id}`)).status).toBe(204);
    const refused = await other.request("GET", "/issuers", { authorization: `Bearer ${key}` });
    expectError(refused, 401, "invalid_token", /admin bearer token/);
    expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
  });

  it("lets an admin key make and revoke keys, the bootstrap token keeping its power", async () => {
    const { request } = instance();
    const first = (await request("POST", "/admin-keys", { body: { name: "first" } })).json<{ key: string }>();
    const second = await request("POST", "/admin-keys", {
      authorization: `Bearer ${first.key}`,
      body: { name: "second" },
    });
    expect(second.status).toBe(201);
    expect((await request("GET", "/admin-keys")).json<{ items: unknown[] }>().items).toHaveLength(2);
  });
});
