import { describe, expect, it } from "vitest";
import type { AdminActor } from "../src/domain/admin-actor.js";
import { BOOTSTRAP_ADMIN } from "../src/domain/admin-actor.js";
import { createEngine } from "../src/engine/create-engine.js";
import { createMemoryStorage } from "../src/memory/memory-storage.js";
import { createFrozenClock } from "../src/testing/frozen-clock.js";
import { sha256 } from "../src/util/sha256.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness, IDP, sharedTestKey } from "./support/harness.js";

const CI: AdminActor = { kind: "api_key", id: "6f1c7c3e-4a55-4b8e-9a51-0d7f5c2b1e90", name: "ci" };
const CONSOLE: AdminActor = { kind: "console", session: "k2VbX0yq7Jm4" };

/** A harness, and the audit log from here on: the harness's own setup is not what a test looks at. */
async function auditedHarness() {
  const h = await createHarness();
  const seen = (await h.engine.adminAudit.list({ limit: 500 })).length;
  const newRecords = async () =>
    (await h.engine.adminAudit.list({ limit: 500 })).slice(0, -seen || undefined);
  return { ...h, newRecords };
}

describe("admin audit log: one record per change", () => {
  it("records an issuer's creation, update and deletion, with who did it and before and after", async () => {
    const h = await auditedHarness();
    const key = await sharedTestKey("ES256", "k2");
    const created = await h.engine.issuers.create(CI, {
      issuer: "https://idp2.example.com",
      jwks: { keys: [key.publicJwk] },
    });
    h.clock.advance(1);
    const updated = await h.engine.issuers.update(CONSOLE, created.id, { name: "Second", scope: "read" });
    h.clock.advance(1);
    await h.engine.issuers.delete(BOOTSTRAP_ADMIN, created.id);

    const [deletion, update, creation, ...rest] = await h.newRecords();
    expect(rest).toEqual([]);
    expect(creation).toMatchObject({
      actor: CI,
      action: "issuer.create",
      targetId: created.id,
      before: null,
    });
    expect(creation?.after).toMatchObject({
      id: created.id,
      issuer: "https://idp2.example.com",
      name: null,
      jwks: { keys: [{ kty: "EC", crv: "P-256", kid: "k2", x: (key.publicJwk as { x: string }).x }] },
      scope: null,
    });
    expect(update).toMatchObject({ actor: CONSOLE, action: "issuer.update", targetId: created.id });
    expect(update?.before).toMatchObject({
      name: null,
      scope: null,
      updated_at: created.updatedAt.toISOString(),
    });
    expect(update?.after).toMatchObject({
      name: "Second",
      scope: "read",
      updated_at: updated.updatedAt.toISOString(),
    });
    expect(deletion).toMatchObject({
      actor: BOOTSTRAP_ADMIN,
      action: "issuer.delete",
      targetId: created.id,
      after: null,
      at: h.clock.now(),
    });
    expect(deletion?.before).toMatchObject({ name: "Second" });
  });

  it("records a client's creation, update, secret rotation and deletion, the secret only as redacted", async () => {
    const h = await auditedHarness();
    const { client } = await h.engine.clients.create(CI, { clientName: "app", scope: "read" });
    await h.engine.clients.update(CI, client.clientId, { scope: "read write" });
    await h.engine.clients.rotateSecret(CI, client.clientId);
    await h.engine.clients.delete(CI, client.clientId);

    const records = await h.newRecords();
    expect(records.map((record) => record.action)).toEqual([
      "client.delete",
      "client.rotate_secret",
      "client.update",
      "client.create",
    ]);
    expect(records.every((record) => record.targetId === client.clientId)).toBe(true);
    const [deletion, rotation, update, creation] = records;
    expect(creation?.after).toMatchObject({
      client_id: client.clientId,
      client_name: "app",
      client_secret: "[redacted]",
      scope: "read",
    });
    expect(update?.before).toMatchObject({ scope: "read" });
    expect(update?.after).toMatchObject({ scope: "read write" });
    expect(rotation?.before).toMatchObject({ client_secret: "[redacted]" });
    expect(rotation?.after).toMatchObject({ client_secret: "[redacted]" });
    expect(deletion).toMatchObject({ before: { client_id: client.clientId }, after: null });
  });

  it("records a client's resources before and after a change, [] when it has none", async () => {
    const h = await auditedHarness();
    const { client } = await h.engine.clients.create(CI, { tokenEndpointAuthMethod: "none" });
    await h.engine.clients.update(CI, client.clientId, { resources: ["https://api.example.com/"] });
    const [update, creation] = await h.newRecords();
    expect(creation?.after).toMatchObject({ resources: [] });
    expect(update?.before).toMatchObject({ resources: [] });
    expect(update?.after).toMatchObject({ resources: ["https://api.example.com/"] });
  });

  it("records a client without a secret with client_secret null", async () => {
    const h = await auditedHarness();
    const { client } = await h.engine.clients.create(CI, { tokenEndpointAuthMethod: "none" });
    const [creation] = await h.newRecords();
    expect(creation?.after).toMatchObject({ client_id: client.clientId, client_secret: null });
  });

  it("records a signing key rotation: the active key before, the new one after", async () => {
    const h = await auditedHarness();
    const previous = await h.engine.ensureSigningKey();
    const next = await h.engine.signingKeys.rotate(CONSOLE);
    const [rotation, ...rest] = await h.newRecords();
    expect(rest).toEqual([]);
    expect(rotation).toMatchObject({ actor: CONSOLE, action: "signing_key.rotate", targetId: next.kid });
    expect(rotation?.before).toMatchObject({ kid: previous.kid, status: "active" });
    expect(rotation?.after).toMatchObject({ kid: next.kid, status: "active", alg: "ES256" });
  });

  it("records an admin key's creation and revocation by id and name only", async () => {
    const h = await auditedHarness();
    const { key } = await h.engine.adminKeys.create(BOOTSTRAP_ADMIN, { name: "ci" });
    await h.engine.adminKeys.revoke(CI, key.id);
    const [revocation, creation, ...rest] = await h.newRecords();
    expect(rest).toEqual([]);
    const shown = { id: key.id, name: "ci", created_at: key.createdAt.toISOString() };
    expect(creation).toEqual({
      id: creation?.id,
      at: h.clock.now(),
      actor: BOOTSTRAP_ADMIN,
      action: "admin_key.create",
      targetId: key.id,
      before: null,
      after: shown,
    });
    expect(revocation).toMatchObject({ actor: CI, action: "admin_key.revoke", before: shown, after: null });
  });

  it("records nothing for a change that fails, nor for reads", async () => {
    const h = await auditedHarness();
    await expect(
      h.engine.issuers.create(CI, { issuer: IDP, jwksUri: "https://x.example/jwks" }),
    ).rejects.toThrow(/already registered/);
    await expect(h.engine.clients.delete(CI, "no-such-client")).rejects.toThrow(/no client/);
    await expectOAuthError(
      h.engine.adminKeys.create(CI, { name: "no spaces" }),
      "invalid_request",
      "invalid_field",
    );
    await h.engine.issuers.list();
    await h.engine.clients.get(h.client.clientId);
    await h.engine.adminAudit.list();
    expect(await h.newRecords()).toEqual([]);
  });
});

describe("admin audit log: no secret in any record", () => {
  it("holds no client secret, admin key, hash of either, or private key member after a full admin session", async () => {
    const clock = createFrozenClock();
    const storage = createMemoryStorage({ clock });
    const engine = createEngine(
      { storage, clock },
      { issuer: "https://as.example.com", signingAlgorithm: "RS256" },
    );
    const key = await sharedTestKey("ES256");
    const issuer = await engine.issuers.create(CI, { issuer: IDP, jwks: { keys: [key.publicJwk] } });
    await engine.issuers.update(CI, issuer.id, { scope: "read" });
    const generated = await engine.clients.create(CI, { scope: "read" });
    const imported = await engine.clients.create(CI, {
      clientId: "moved",
      clientSecret: "Imported-secret-0123456789-abcdefghijklmnop",
    });
    const rotated = await engine.clients.rotateSecret(CONSOLE, generated.client.clientId);
    await engine.clients.update(CI, imported.client.clientId, { clientName: "moved" });
    await engine.signingKeys.rotate(CONSOLE);
    await engine.signingKeys.rotate(CI);
    const adminKey = await engine.adminKeys.create(BOOTSTRAP_ADMIN, { name: "ci" });
    await engine.adminKeys.revoke(BOOTSTRAP_ADMIN, adminKey.key.id);
    await engine.clients.delete(CI, generated.client.clientId);
    await engine.issuers.delete(CI, issuer.id);

    const clientSecrets = [
      generated.clientSecret,
      rotated.clientSecret,
      "Imported-secret-0123456789-abcdefghijklmnop",
    ].filter((secret) => secret !== null);
    const privateMembers = (await storage.signingKeys.list()).flatMap((signingKey) =>
      ["d", "p", "q", "dp", "dq", "qi"].map((member) =>
        String((signingKey.privateJwk as Record<string, unknown>)[member]),
      ),
    );
    const secrets = [
      ...clientSecrets,
      ...(await Promise.all(clientSecrets.map(sha256))),
      adminKey.secret,
      await sha256(adminKey.secret),
      ...privateMembers,
    ];
    expect(clientSecrets).toHaveLength(3);
    expect(privateMembers.filter((member) => member.length > 20)).toHaveLength(18);

    const records = await engine.adminAudit.list({ limit: 500 });
    expect(records).toHaveLength(12);
    const serialized = JSON.stringify(records);
    for (const secret of secrets) expect(serialized).not.toContain(secret);
    expect(serialized).not.toMatch(/"(d|p|q|dp|dq|qi|secret_hash|key_hash)":/);
  });
});

describe("admin keys", () => {
  it("shows a new key once, with the jgak_ prefix, stores only its hash, and names its holder", async () => {
    const h = await createHarness();
    const created = await h.engine.adminKeys.create(BOOTSTRAP_ADMIN, { name: "ci" });
    expect(created.secret).toMatch(/^jgak_[A-Za-z0-9_-]{43}$/);
    expect(created.key).toEqual({ id: created.key.id, name: "ci", createdAt: h.clock.now() });
    expect(await h.engine.adminKeys.list()).toEqual([created.key]);
    expect(await h.storage.adminKeys.findById(created.key.id)).toEqual({
      ...created.key,
      keyHash: await sha256(created.secret),
    });
    expect(await h.engine.adminKeys.authenticate(created.secret)).toEqual({
      kind: "api_key",
      id: created.key.id,
      name: "ci",
    });
  });

  it("recognises no other value as a key", async () => {
    const h = await createHarness();
    const { secret } = await h.engine.adminKeys.create(BOOTSTRAP_ADMIN, { name: "ci" });
    expect(await h.engine.adminKeys.authenticate(`${secret}x`)).toBeNull();
    expect(await h.engine.adminKeys.authenticate(secret.slice(5))).toBeNull();
    expect(await h.engine.adminKeys.authenticate(`jgak_${"a".repeat(200)}`)).toBeNull();
  });

  it("refuses a second key of the same name, and a name that is not a short identifier", async () => {
    const h = await createHarness();
    await h.engine.adminKeys.create(BOOTSTRAP_ADMIN, { name: "ci" });
    await expect(h.engine.adminKeys.create(BOOTSTRAP_ADMIN, { name: "ci" })).rejects.toThrow(
      "an admin key named ci already exists",
    );
    for (const name of ["", "-ci", "c i", "x".repeat(65), "ci\u0000"]) {
      const error = await expectOAuthError(
        h.engine.adminKeys.create(BOOTSTRAP_ADMIN, { name }),
        "invalid_request",
        "invalid_field",
      );
      expect(error.field).toEqual(["name"]);
    }
  });

  it("is refused by another engine on the same storage at the next request after its revocation", async () => {
    const clock = createFrozenClock();
    const storage = createMemoryStorage({ clock });
    const one = createEngine({ storage, clock }, { issuer: "https://as.example.com" });
    const other = createEngine({ storage, clock }, { issuer: "https://as.example.com" });
    const { key, secret } = await one.adminKeys.create(BOOTSTRAP_ADMIN, { name: "ci" });
    expect(await other.adminKeys.authenticate(secret)).toMatchObject({ id: key.id });
    await one.adminKeys.revoke(BOOTSTRAP_ADMIN, key.id);
    expect(await other.adminKeys.authenticate(secret)).toBeNull();
    await expect(other.adminKeys.revoke(BOOTSTRAP_ADMIN, key.id)).rejects.toThrow(`no admin key ${key.id}`);
  });
});

describe("reading the admin audit log", () => {
  it("pages newest first with limit and before", async () => {
    const h = await auditedHarness();
    for (const name of ["a", "b", "c"]) await h.engine.adminKeys.create(CI, { name });
    const [c, b] = await h.engine.adminAudit.list({ limit: 2 });
    expect([c?.after?.name, b?.after?.name]).toEqual(["c", "b"]);
    const [a] = await h.engine.adminAudit.list({ limit: 1, before: b?.id });
    expect(a?.after?.name).toBe("a");
  });

  it("refuses a limit outside 1 to 500 and a before that is no record id", async () => {
    const h = await createHarness();
    for (const limit of [0, 501, 1.5]) {
      const error = await expectOAuthError(
        h.engine.adminAudit.list({ limit }),
        "invalid_request",
        "invalid_field",
      );
      expect(error.field).toEqual(["limit"]);
    }
    for (const before of ["", "0", "abc", "1e3", "12345678901234567890"]) {
      const error = await expectOAuthError(
        h.engine.adminAudit.list({ before }),
        "invalid_request",
        "invalid_field",
      );
      expect(error.field).toEqual(["before"]);
    }
  });
});
