import {
  ecCertificate,
  generateShortRsaTestKey,
  generateTestKey,
  rsaCertificate,
} from "@jwtgrant/core/testing";
import { describe, expect, it } from "vitest";
import { type AdminResponse, createAdminHarness, expectError, NOW } from "./admin-harness.js";

const IDP = "https://idp.example.com";

const idOf = (response: AdminResponse) => response.json<{ id: string }>().id;

describe("admin API: trusted issuers", () => {
  it("registers an issuer with a PEM certificate and answers with the whole record", async () => {
    const { request } = createAdminHarness();
    const created = await request("POST", "/issuers", {
      body: { issuer: IDP, name: "Example IdP", certificate: ecCertificate.certificate },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    expect(created.json()).toStrictEqual({
      id: expect.any(String),
      issuer: IDP,
      name: "Example IdP",
      certificate: ecCertificate.certificate.trim(),
      algorithms: null,
      allow_any_subject: true,
      scope: null,
      expires_at: null,
      enabled: true,
      audiences: [],
      assertion_reuse: "single_use",
      max_assertion_lifetime: null,
      rules: null,
      created_at: NOW,
      updated_at: NOW,
    });

    const shown = await request("GET", `/issuers/${idOf(created)}`);
    expect(shown.status).toBe(200);
    expect(shown.json()).toStrictEqual(created.json());
  });

  it("registers an issuer with an inline JWK Set, listed subjects, a scope and an end of trust", async () => {
    const { request } = createAdminHarness();
    const key = await generateTestKey("ES256", "k1");
    const created = await request("POST", "/issuers", {
      body: {
        issuer: IDP,
        jwks: { keys: [key.publicJwk] },
        algorithms: ["ES256"],
        allow_any_subject: false,
        subjects: ["svc-a", "svc-b"],
        scope: "read write",
        expires_at: "2027-01-01T01:00:00+01:00",
        enabled: false,
      },
    });
    expect(created.status).toBe(201);
    expect(created.json()).toStrictEqual({
      id: expect.any(String),
      issuer: IDP,
      name: null,
      jwks: { keys: [key.publicJwk] },
      algorithms: ["ES256"],
      allow_any_subject: false,
      subjects: ["svc-a", "svc-b"],
      scope: "read write",
      expires_at: "2027-01-01T00:00:00.000Z",
      enabled: false,
      audiences: [],
      assertion_reuse: "single_use",
      max_assertion_lifetime: null,
      rules: null,
      created_at: NOW,
      updated_at: NOW,
    });
  });

  it("registers an issuer with a JWKS URI", async () => {
    const { request } = createAdminHarness();
    const created = await request("POST", "/issuers", {
      body: { issuer: IDP, jwks_uri: `${IDP}/jwks`, algorithms: ["RS256", "ES256"] },
    });
    expect(created.status).toBe(201);
    expect(created.json()).toStrictEqual({
      id: expect.any(String),
      issuer: IDP,
      name: null,
      jwks_uri: `${IDP}/jwks`,
      algorithms: ["RS256", "ES256"],
      allow_any_subject: true,
      scope: null,
      expires_at: null,
      enabled: true,
      audiences: [],
      assertion_reuse: "single_use",
      max_assertion_lifetime: null,
      rules: null,
      created_at: NOW,
      updated_at: NOW,
    });
  });

  it("lists every issuer under items", async () => {
    const { request } = createAdminHarness();
    expect((await request("GET", "/issuers")).json()).toStrictEqual({ items: [] });
    const a = await request("POST", "/issuers", {
      body: { issuer: IDP, certificate: ecCertificate.certificate },
    });
    const b = await request("POST", "/issuers", {
      body: { issuer: "https://ci.example.com", jwks_uri: "https://ci.example.com/jwks" },
    });
    const listed = await request("GET", "/issuers");
    expect(listed.status).toBe(200);
    const { items } = listed.json<{ items: unknown[] }>();
    expect(items).toHaveLength(2);
    expect(items).toEqual(expect.arrayContaining([a.json(), b.json()]));
  });

  it("patches only the fields given, and a new key source replaces the old one", async () => {
    const { request, clock } = createAdminHarness();
    const created = await request("POST", "/issuers", {
      body: { issuer: IDP, name: "Old", certificate: ecCertificate.certificate, scope: "read" },
    });
    clock.advance(60);
    const patched = await request("PATCH", `/issuers/${idOf(created)}`, {
      body: { name: "New", jwks_uri: `${IDP}/jwks`, scope: null, subjects: ["svc-a"] },
    });
    expect(patched.status).toBe(200);
    expect(patched.json()).toStrictEqual({
      id: idOf(created),
      issuer: IDP,
      name: "New",
      jwks_uri: `${IDP}/jwks`,
      algorithms: null,
      allow_any_subject: false,
      subjects: ["svc-a"],
      scope: null,
      expires_at: null,
      enabled: true,
      audiences: [],
      assertion_reuse: "single_use",
      max_assertion_lifetime: null,
      rules: null,
      created_at: NOW,
      updated_at: "2026-01-01T00:01:00.000Z",
    });
    const emptied = await request("PATCH", `/issuers/${idOf(created)}`, {
      body: { allow_any_subject: true, expires_at: "2030-01-01T00:00:00Z" },
    });
    expect(emptied.json()).toMatchObject({ allow_any_subject: true, expires_at: "2030-01-01T00:00:00.000Z" });
    expect(emptied.json()).not.toHaveProperty("subjects");
  });

  describe("refuses a patch whose allowed algorithms no key of the merged issuer verifies, changing nothing", () => {
    async function rsaIssuer() {
      const harness = createAdminHarness();
      const created = await harness.request("POST", "/issuers", {
        body: { issuer: IDP, certificate: rsaCertificate.certificate, algorithms: ["RS256"] },
      });
      expect(created.status).toBe(201);
      harness.clock.advance(60);
      return { ...harness, id: idOf(created), stored: created.json() };
    }

    it("an allow-list changed to an algorithm the kept certificate cannot verify", async () => {
      const { request, id, stored } = await rsaIssuer();
      const response = await request("PATCH", `/issuers/${id}`, { body: { algorithms: ["ES256"] } });
      expectError(
        response,
        400,
        "invalid_request",
        /^algorithms: ES256 is verifiable by none of the issuer's keys$/,
        "algorithms",
      );
      expect((await request("GET", `/issuers/${id}`)).json()).toStrictEqual(stored);
    });

    it("a certificate replaced by an EC one while the kept allow-list is RS256", async () => {
      const { request, id, stored } = await rsaIssuer();
      const response = await request("PATCH", `/issuers/${id}`, {
        body: { certificate: ecCertificate.certificate },
      });
      expectError(response, 400, "invalid_request", /^certificate: no key verifies RS256/, "certificate");
      expect((await request("GET", `/issuers/${id}`)).json()).toStrictEqual(stored);
    });
  });

  it("deletes an issuer with 204, after which it is not found", async () => {
    const { request } = createAdminHarness();
    const created = await request("POST", "/issuers", {
      body: { issuer: IDP, certificate: ecCertificate.certificate },
    });
    const deleted = await request("DELETE", `/issuers/${idOf(created)}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expectError(await request("GET", `/issuers/${idOf(created)}`), 404, "not_found");
  });

  it("answers 404 for an unknown id on every verb", async () => {
    const { request } = createAdminHarness();
    expectError(await request("GET", "/issuers/nope"), 404, "not_found");
    expectError(await request("PATCH", "/issuers/nope", { body: { name: "x" } }), 404, "not_found");
    expectError(await request("DELETE", "/issuers/nope"), 404, "not_found");
  });

  it("answers 409 for an issuer registered twice, on create and on rename", async () => {
    const { request } = createAdminHarness();
    await request("POST", "/issuers", { body: { issuer: IDP, certificate: ecCertificate.certificate } });
    const again = await request("POST", "/issuers", { body: { issuer: IDP, jwks_uri: `${IDP}/jwks` } });
    expectError(again, 409, "conflict", /already registered/);

    const other = await request("POST", "/issuers", {
      body: { issuer: "https://other.example.com", jwks_uri: "https://other.example.com/jwks" },
    });
    expectError(
      await request("PATCH", `/issuers/${idOf(other)}`, { body: { issuer: IDP } }),
      409,
      "conflict",
    );
  });

  describe("refuses a bad request with 400 invalid_request naming the field", () => {
    it("a JWK with private material", async () => {
      const { request } = createAdminHarness();
      const key = await generateTestKey("ES256");
      const response = await request("POST", "/issuers", {
        body: { issuer: IDP, jwks: { keys: [{ ...key.publicJwk, d: "c2VjcmV0" }] } },
      });
      expectError(response, 400, "invalid_request", /^jwks\.keys\[0\]: .*"d"/, "jwks.keys[0]");
    });

    it("an RSA key under 2048 bits whose modulus is padded with leading zero bytes", async () => {
      const { request, engine } = createAdminHarness();
      const padded = await generateShortRsaTestKey(1024, 128);
      const response = await request("POST", "/issuers", {
        body: { issuer: IDP, jwks: { keys: [padded.publicJwk] } },
      });
      expectError(
        response,
        400,
        "invalid_request",
        /^jwks\.keys\[0\]: an RSA key must have at least 2048 bits$/,
        "jwks.keys[0]",
      );
      expect(await engine.issuers.list()).toEqual([]);
    });

    it("a symmetric algorithm", async () => {
      const { request } = createAdminHarness();
      const response = await request("POST", "/issuers", {
        body: { issuer: IDP, certificate: ecCertificate.certificate, algorithms: ["HS256"] },
      });
      expectError(response, 400, "invalid_request", /^algorithms: HS256/, "algorithms");
    });

    it("an unknown field, such as a private key", async () => {
      const { request } = createAdminHarness();
      const response = await request("POST", "/issuers", {
        body: {
          issuer: IDP,
          certificate: ecCertificate.certificate,
          private_key: "-----BEGIN PRIVATE KEY-----",
        },
      });
      expectError(response, 400, "invalid_request", /^private_key: is not a known field$/, "private_key");
    });

    it("an unknown field whose name is not an identifier, its path JSON-quoted", async () => {
      const { request } = createAdminHarness();
      const response = await request("POST", "/issuers", {
        body: { issuer: IDP, certificate: ecCertificate.certificate, "/kubernetes.io/namespace": "x" },
      });
      expectError(
        response,
        400,
        "invalid_request",
        /^\["\/kubernetes\.io\/namespace"\]: is not a known field$/,
        '["/kubernetes.io/namespace"]',
      );
    });

    it("an unknown field in a patch", async () => {
      const { request } = createAdminHarness();
      const created = await request("POST", "/issuers", {
        body: { issuer: IDP, certificate: ecCertificate.certificate },
      });
      const response = await request("PATCH", `/issuers/${idOf(created)}`, { body: { id: "other" } });
      expectError(response, 400, "invalid_request", /^id: is not a known field$/, "id");
    });

    it("an expires_at that is not a date-time", async () => {
      const { request } = createAdminHarness();
      const response = await request("POST", "/issuers", {
        body: { issuer: IDP, certificate: ecCertificate.certificate, expires_at: "next year" },
      });
      expectError(response, 400, "invalid_request", /^expires_at: /, "expires_at");
    });

    it("a certificate that does not parse", async () => {
      const { request } = createAdminHarness();
      const response = await request("POST", "/issuers", { body: { issuer: IDP, certificate: "not a PEM" } });
      expectError(response, 400, "invalid_request", /^certificate: /, "certificate");
    });

    it("two key sources, or none", async () => {
      const { request } = createAdminHarness();
      expectError(
        await request("POST", "/issuers", {
          body: { issuer: IDP, certificate: ecCertificate.certificate, jwks_uri: `${IDP}/jwks` },
        }),
        400,
        "invalid_request",
        /exactly one of certificate, certificates, jwks, jwks_uri or discovery/,
      );
      expectError(await request("POST", "/issuers", { body: { issuer: IDP } }), 400, "invalid_request");
    });

    it("a missing issuer and a field of the wrong type, both named", async () => {
      const { request } = createAdminHarness();
      const response = await request("POST", "/issuers", {
        body: { certificate: ecCertificate.certificate, enabled: "yes" },
      });
      expectError(response, 400, "invalid_request", /^issuer: .*; enabled: /, "issuer");
    });

    it("a body that is not a JSON object", async () => {
      const { request } = createAdminHarness();
      expectError(
        await request("POST", "/issuers", { body: ["x"] }),
        400,
        "invalid_request",
        /^request body: /,
      );
    });

    it("malformed JSON", async () => {
      const { request } = createAdminHarness();
      const response = await request("POST", "/issuers", {
        rawBody: '{"issuer": "https://idp.example.com",',
      });
      expectError(response, 400, "invalid_request", /not valid JSON/);
    });

    it("a body that is not JSON", async () => {
      const { request } = createAdminHarness();
      const response = await request("POST", "/issuers", {
        rawBody: `issuer=${encodeURIComponent(IDP)}`,
        contentType: "application/x-www-form-urlencoded",
      });
      expectError(response, 400, "invalid_request", /application\/json/);
    });
  });
});
