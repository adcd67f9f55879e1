import { describe, expect, it } from "vitest";
import type { AdminActor } from "../../src/domain/admin-actor.js";
import { createEngine } from "../../src/engine/create-engine.js";
import { createMemoryStorage } from "../../src/memory/memory-storage.js";
import { createFrozenClock } from "../../src/testing/frozen-clock.js";
import { ecCertificate } from "../../src/testing/test-certificates.js";
import { applyTrustPlan, TrustApplyError } from "../../src/trust-document/apply-trust-plan.js";
import { engineTrustTarget } from "../../src/trust-document/engine-trust-target.js";
import { exportTrustDocument } from "../../src/trust-document/export-trust-document.js";
import { formatTrustPlan, trustPlanToJson } from "../../src/trust-document/format-trust-plan.js";
import { parseTrustDocument } from "../../src/trust-document/parse-trust-document.js";
import { planTrust } from "../../src/trust-document/plan-trust.js";
import { readTrustState } from "../../src/trust-document/read-trust-state.js";
import type { SecretSource } from "../../src/trust-document/trust-document.js";
import { FULL_DOCUMENT, ORDERS_SECRET } from "./support/examples.js";

const BOOTSTRAP_FILE: AdminActor = { kind: "server", task: "bootstrap_file" };

function freshEngine() {
  const clock = createFrozenClock();
  return createEngine(
    { storage: createMemoryStorage({ clock }), clock },
    { issuer: "https://as.example.com" },
  );
}

const secretsRead: SecretSource[] = [];
const readSecret = async (source: SecretSource) => {
  secretsRead.push(source);
  return ORDERS_SECRET;
};

async function apply(engine: ReturnType<typeof freshEngine>, document: unknown, prune = false) {
  const plan = planTrust(parseTrustDocument(document), await readTrustState(engine), { prune });
  await applyTrustPlan(plan, engineTrustTarget(engine, BOOTSTRAP_FILE), readSecret);
  return plan;
}

const IDP = "https://idp.example.com";

describe("planning and applying a trust document", () => {
  it("creates what the server lacks, then plans nothing on a second apply", async () => {
    const engine = freshEngine();
    secretsRead.length = 0;
    const first = await apply(engine, FULL_DOCUMENT);
    expect(formatTrustPlan(first)).toEqual([
      "+ issuer https://token.actions.githubusercontent.com",
      "+ issuer https://idp.example.com",
      "+ client orders-app",
      "+ client public-cli",
    ]);
    expect(secretsRead).toEqual([{ file: "secrets/orders-app" }]);
    await expect(
      engine.authenticateClient({ basic: { clientId: "orders-app", clientSecret: ORDERS_SECRET } }),
    ).resolves.toMatchObject({
      clientId: "orders-app",
      trustedIssuers: [IDP],
      resources: ["https://api.example.com/orders", "urn:example:billing"],
    });
    const second = await apply(engine, FULL_DOCUMENT);
    expect(second.changes).toEqual([]);
    expect(formatTrustPlan(second)).toEqual(["nothing to do: the server matches the document"]);
    expect(secretsRead).toHaveLength(1);
  });

  it("plans updates field by field and applies only those fields", async () => {
    const engine = freshEngine();
    await apply(engine, FULL_DOCUMENT);
    const changed = structuredClone(FULL_DOCUMENT);
    const idp = changed.issuers[1] as Record<string, unknown>;
    idp.scope = "read write admin";
    delete idp.subjects;
    delete idp.certificate;
    idp.jwks_uri = "https://idp.example.com/jwks";
    const client = changed.clients[1] as Record<string, unknown>;
    client.scope = "read write";
    const plan = await apply(engine, changed);
    expect(formatTrustPlan(plan)).toEqual([
      `~ issuer ${IDP}: jwks_uri (none) → "https://idp.example.com/jwks"`,
      `~ issuer ${IDP}: subjects ["svc-a","svc-b"] → null`,
      `~ issuer ${IDP}: scope "read write" → "read write admin"`,
      expect.stringMatching(
        /^~ issuer https:\/\/idp\.example\.com: certificate "-----BEGIN CERTIFICATE-----\\n.*… → \(none\)$/,
      ),
      '~ client public-cli: scope "read" → "read write"',
    ]);
    expect(trustPlanToJson(plan)).toMatchObject({
      changes: [
        {
          action: "update",
          kind: "issuer",
          key: IDP,
          fields: [
            { field: "jwks_uri", to: "https://idp.example.com/jwks" },
            { field: "subjects", from: ["svc-a", "svc-b"], to: null },
            { field: "scope", from: "read write", to: "read write admin" },
            { field: "certificate", from: ecCertificate.certificate.trim() },
          ],
        },
        {
          action: "update",
          kind: "client",
          key: "public-cli",
          fields: [{ field: "scope", from: "read", to: "read write" }],
        },
      ],
    });
    const issuer = (await engine.issuers.list()).find((candidate) => candidate.issuer === IDP);
    expect(issuer?.keySource).toEqual({ kind: "jwks_uri", jwksUri: "https://idp.example.com/jwks" });
    expect(issuer?.subjectRule).toEqual({ kind: "any" });
    expect(issuer?.scope).toEqual(["read", "write", "admin"]);
    expect((await apply(engine, changed)).changes).toEqual([]);
  });

  it("plans a change of a client's resources, applies it, and clears them when the document drops them", async () => {
    const engine = freshEngine();
    await apply(engine, FULL_DOCUMENT);
    const changed = structuredClone(FULL_DOCUMENT);
    const orders = changed.clients[0] as Record<string, unknown>;
    orders.resources = ["urn:example:billing", "https://api.example.com/stock"];
    const plan = await apply(engine, changed);
    expect(formatTrustPlan(plan)).toEqual([
      '~ client orders-app: resources ["https://api.example.com/orders","urn:example:billing"] → ["urn:example:billing","https://api.example.com/stock"]',
    ]);
    const resourcesOf = async () => (await engine.clients.get("orders-app")).resources;
    expect(await resourcesOf()).toEqual(["urn:example:billing", "https://api.example.com/stock"]);
    expect((await apply(engine, changed)).changes).toEqual([]);
    delete orders.resources;
    expect(formatTrustPlan(await apply(engine, changed))).toEqual([
      '~ client orders-app: resources ["urn:example:billing","https://api.example.com/stock"] → []',
    ]);
    expect(await resourcesOf()).toEqual([]);
  });

  it("deletes what the document does not name only with prune", async () => {
    const engine = freshEngine();
    await apply(engine, FULL_DOCUMENT);
    const smaller = { ...FULL_DOCUMENT, issuers: [FULL_DOCUMENT.issuers[0]], clients: [] };
    expect((await apply(engine, smaller)).changes).toEqual([]);
    expect(await engine.clients.list()).toHaveLength(2);
    const pruned = await apply(engine, smaller, true);
    expect(formatTrustPlan(pruned)).toEqual([
      "- client orders-app",
      "- client public-cli",
      `- issuer ${IDP}`,
    ]);
    expect((await engine.issuers.list()).map((issuer) => issuer.issuer)).toEqual([
      "https://token.actions.githubusercontent.com",
    ]);
    expect(await engine.clients.list()).toEqual([]);
  });

  it("exports a document that recreates the same state on a fresh server", async () => {
    const engine = freshEngine();
    await apply(engine, FULL_DOCUMENT);
    const exported = exportTrustDocument(await readTrustState(engine));
    expect(exported.clients).toEqual([
      expect.objectContaining({
        client_id: "orders-app",
        resources: ["https://api.example.com/orders", "urn:example:billing"],
        client_secret_env: "JWTGRANT_CLIENT_SECRET_ORDERS_APP",
      }),
      { client_id: "public-cli", scope: "read", token_endpoint_auth_method: "none" },
    ]);
    expect(JSON.stringify(exported)).not.toContain(ORDERS_SECRET);
    const fresh = freshEngine();
    await apply(fresh, exported);
    expect(exportTrustDocument(await readTrustState(fresh))).toEqual(exported);
    expect((await apply(engine, exported)).changes).toEqual([]);
  });

  it("stops at the first refused step, naming the entry's path in the document", async () => {
    const engine = freshEngine();
    const bad = {
      version: 1,
      issuers: [
        { issuer: "https://ok.example", jwks_uri: "https://ok.example/jwks" },
        {
          issuer: "https://bad.example",
          certificate: "-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----",
        },
      ],
    };
    const failure = await apply(engine, bad).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(TrustApplyError);
    expect((failure as Error).message).toMatch(/^issuers\[1\]\.certificate: /);
    expect((await engine.issuers.list()).map((issuer) => issuer.issuer)).toEqual(["https://ok.example"]);
  });

  it("names a secret that cannot be read, by the client it was for", async () => {
    const engine = freshEngine();
    const plan = planTrust(parseTrustDocument(FULL_DOCUMENT), await readTrustState(engine));
    const failure = await applyTrustPlan(plan, engineTrustTarget(engine, BOOTSTRAP_FILE), async () => {
      throw new Error("cannot read secrets/orders-app: no such file");
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect((failure as Error).message).toBe(
      "clients[0] (client orders-app): cannot read secrets/orders-app: no such file",
    );
  });
});
