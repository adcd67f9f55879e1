import { describe, expect, it } from "vitest";
import { BOOTSTRAP_ADMIN } from "../src/domain/admin-actor.js";
import { ConflictError, NotFoundError } from "../src/errors/admin-errors.js";
import { ecCertificate, rsaCertificate } from "../src/testing/test-certificates.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness, IDP, sharedTestKey } from "./support/harness.js";

describe("admin: trusted issuers", () => {
  it("creates, reads, lists, updates and deletes", async () => {
    const h = await createHarness();
    expect(await h.engine.issuers.get(h.issuer.id)).toEqual(h.issuer);
    expect((await h.engine.issuers.list()).map((i) => i.issuer)).toEqual([IDP]);
    h.clock.advance(5);
    const updated = await h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, {
      name: "Example IdP",
      scope: "read",
    });
    expect(updated).toMatchObject({ name: "Example IdP", scope: ["read"], createdAt: h.issuer.createdAt });
    expect(updated.updatedAt.getTime()).toBeGreaterThan(h.issuer.updatedAt.getTime());
    await h.engine.issuers.delete(BOOTSTRAP_ADMIN, h.issuer.id);
    await expect(h.engine.issuers.get(h.issuer.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(h.engine.issuers.delete(BOOTSTRAP_ADMIN, h.issuer.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses an issuer, a name, subjects or JWK members that are not text, and key material not in base64url", async () => {
    const h = await createHarness();
    const key = await sharedTestKey("ES256");
    const jwks = { keys: [key.publicJwk] };
    for (const input of [
      { issuer: "https://other.example\u0000", jwks },
      { issuer: "https://other.example", name: "\udfff", jwks },
      { issuer: "https://other.example", subjects: ["svc\u0000"], jwks },
      { issuer: "https://other.example", jwks: { keys: [{ ...key.publicJwk, kid: "k\u0000" }] } },
      { issuer: "https://other.example", jwks: { keys: [{ ...key.publicJwk, x: "x\u0000" }] } },
      { issuer: "https://other.example", jwks: { keys: [{ ...key.publicJwk, y: "not base64url!" }] } },
      { issuer: "https://other.example", jwksUri: "https://other.example/jwks\u0000" },
    ]) {
      await expectOAuthError(h.engine.issuers.create(BOOTSTRAP_ADMIN, input), "invalid_request");
    }
    expect(await h.engine.issuers.list()).toHaveLength(1);
  });

  it("refuses a duplicate issuer", async () => {
    const h = await createHarness();
    await expect(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, { issuer: IDP, certificate: ecCertificate.certificate }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("accepts a PEM certificate and refuses text that is not one", async () => {
    const h = await createHarness();
    const created = await h.engine.issuers.create(BOOTSTRAP_ADMIN, {
      issuer: "https://pem.example",
      certificate: ecCertificate.certificate,
    });
    expect(created.keySource.kind).toBe("certificate");
    const broken = ecCertificate.certificate.replace(/[A-Z]{10}/, "AAAAAAAAAA");
    await expectOAuthError(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, { issuer: "https://bad.example", certificate: broken }),
      "invalid_request",
    );
    await expectOAuthError(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, { issuer: "https://bad.example", certificate: "hello" }),
      "invalid_request",
    );
  });

  it("refuses private key material in a JWK Set", async () => {
    const h = await createHarness();
    const key = await sharedTestKey("ES256");
    const error = await expectOAuthError(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, {
        issuer: "https://priv.example",
        jwks: { keys: [{ ...key.publicJwk, d: "c2VjcmV0" }] },
      }),
      "invalid_request",
    );
    expect(error.description).toMatch(/"d"/);
    await expectOAuthError(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, {
        issuer: "https://oct.example",
        jwks: { keys: [{ kty: "oct", k: "c2VjcmV0" }] },
      }),
      "invalid_request",
    );
  });

  it("requires exactly one key source", async () => {
    const h = await createHarness();
    const key = await sharedTestKey("ES256");
    await expectOAuthError(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, { issuer: "https://none.example" }),
      "invalid_request",
    );
    await expectOAuthError(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, {
        issuer: "https://two.example",
        jwks: { keys: [key.publicJwk] },
        jwksUri: "https://two.example/jwks",
      }),
      "invalid_request",
    );
  });

  it("accepts https JWKS URIs, and http only on loopback", async () => {
    const h = await createHarness();
    await expect(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, { issuer: "a", jwksUri: "https://a.example/jwks" }),
    ).resolves.toMatchObject({
      issuer: "a",
      keySource: { kind: "jwks_uri", jwksUri: "https://a.example/jwks" },
    });
    await expect(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, { issuer: "b", jwksUri: "http://127.0.0.1:9000/jwks" }),
    ).resolves.toMatchObject({
      issuer: "b",
      keySource: { kind: "jwks_uri", jwksUri: "http://127.0.0.1:9000/jwks" },
    });
    await expect(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, { issuer: "c", jwksUri: "http://localhost:9000/jwks" }),
    ).resolves.toMatchObject({
      issuer: "c",
      keySource: { kind: "jwks_uri", jwksUri: "http://localhost:9000/jwks" },
    });
    await expectOAuthError(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, { issuer: "d", jwksUri: "http://idp.example/jwks" }),
      "invalid_request",
    );
    await expectOAuthError(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, { issuer: "e", jwksUri: "ftp://idp.example/jwks" }),
      "invalid_request",
    );
  });

  it("accepts only asymmetric algorithms that fit the keys", async () => {
    const h = await createHarness();
    const key = await sharedTestKey("ES256");
    const jwks = { keys: [key.publicJwk] };
    for (const algorithms of [["HS256"], ["none"], ["RS256"], []]) {
      await expectOAuthError(
        h.engine.issuers.create(BOOTSTRAP_ADMIN, { issuer: `x-${algorithms.join()}`, jwks, algorithms }),
        "invalid_request",
      );
    }
    await expect(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, { issuer: "ok", jwks, algorithms: ["ES256"] }),
    ).resolves.toMatchObject({ algorithms: ["ES256"] });
  });

  it("refuses an allowed algorithm that no key can verify, by the key's own alg and use too", async () => {
    const h = await createHarness();
    const rsa = await sharedTestKey("RS256");
    for (const key of [
      { ...rsa.publicJwk, alg: "RS256" },
      { ...rsa.publicJwk, use: "enc" },
      { ...rsa.publicJwk, key_ops: ["encrypt"] },
    ]) {
      const error = await expectOAuthError(
        h.engine.issuers.create(BOOTSTRAP_ADMIN, {
          issuer: "https://pinned.example",
          jwks: { keys: [key] },
          algorithms: ["PS256"],
        }),
        "invalid_request",
        "invalid_field",
      );
      expect(error.description).toBe("algorithms: PS256 is verifiable by none of the issuer's keys");
    }
    expect(await h.engine.issuers.list()).toHaveLength(1);
  });

  describe("a patch is held to the same fit of algorithms and keys as a new issuer", () => {
    async function rsaIssuer() {
      const h = await createHarness();
      const issuer = await h.engine.issuers.create(BOOTSTRAP_ADMIN, {
        issuer: "https://rsa.example",
        certificate: rsaCertificate.certificate,
        algorithms: ["RS256"],
      });
      return { h, issuer };
    }

    it("refuses a new allow-list that the kept keys cannot verify, and changes nothing", async () => {
      const { h, issuer } = await rsaIssuer();
      h.clock.advance(5);
      const error = await expectOAuthError(
        h.engine.issuers.update(BOOTSTRAP_ADMIN, issuer.id, { algorithms: ["ES256"], name: "renamed" }),
        "invalid_request",
        "invalid_field",
      );
      expect(error.description).toBe("algorithms: ES256 is verifiable by none of the issuer's keys");
      expect(await h.engine.issuers.get(issuer.id)).toEqual(issuer);
      await expect(
        h.engine.issuers.update(BOOTSTRAP_ADMIN, issuer.id, { algorithms: ["PS256", "RS256"] }),
      ).resolves.toMatchObject({
        algorithms: ["PS256", "RS256"],
      });
    });

    it("refuses a new key source that cannot verify the kept allow-list, and changes nothing", async () => {
      const { h, issuer } = await rsaIssuer();
      const ec = await sharedTestKey("ES256");
      const byCertificate = await expectOAuthError(
        h.engine.issuers.update(BOOTSTRAP_ADMIN, issuer.id, { certificate: ecCertificate.certificate }),
        "invalid_request",
        "invalid_field",
      );
      expect(byCertificate.description).toMatch(/^certificate: no key verifies RS256/);
      const byJwks = await expectOAuthError(
        h.engine.issuers.update(BOOTSTRAP_ADMIN, issuer.id, { jwks: { keys: [ec.publicJwk] } }),
        "invalid_request",
        "invalid_field",
      );
      expect(byJwks.description).toMatch(/^jwks: no key verifies RS256/);
      expect(await h.engine.issuers.get(issuer.id)).toEqual(issuer);
      await expect(
        h.engine.issuers.update(BOOTSTRAP_ADMIN, issuer.id, {
          certificate: ecCertificate.certificate,
          algorithms: ["ES256"],
        }),
      ).resolves.toMatchObject({ keySource: { kind: "certificate" }, algorithms: ["ES256"] });
    });

    it("leaves an allow-list over a JWKS URI to be checked against the keys when they are fetched", async () => {
      const { h, issuer } = await rsaIssuer();
      await expect(
        h.engine.issuers.update(BOOTSTRAP_ADMIN, issuer.id, {
          jwksUri: "https://rsa.example/jwks",
          algorithms: ["ES256"],
        }),
      ).resolves.toMatchObject({ keySource: { kind: "jwks_uri" }, algorithms: ["ES256"] });
    });
  });

  it("keeps subjects and allow_any_subject consistent", async () => {
    const h = await createHarness();
    const key = await sharedTestKey("ES256");
    const jwks = { keys: [key.publicJwk] };
    await expectOAuthError(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, {
        issuer: "s1",
        jwks,
        allowAnySubject: true,
        subjects: ["a"],
      }),
      "invalid_request",
    );
    await expectOAuthError(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, { issuer: "s2", jwks, allowAnySubject: false }),
      "invalid_request",
    );
    const listed = await h.engine.issuers.create(BOOTSTRAP_ADMIN, {
      issuer: "s3",
      jwks,
      subjects: ["a", "a", "b"],
    });
    expect(listed.subjectRule).toEqual({ kind: "listed", subjects: ["a", "b"] });
    const opened = await h.engine.issuers.update(BOOTSTRAP_ADMIN, listed.id, { allowAnySubject: true });
    expect(opened.subjectRule).toEqual({ kind: "any" });
  });

  it("refuses renaming an issuer onto another's name", async () => {
    const h = await createHarness();
    const other = await h.engine.issuers.create(BOOTSTRAP_ADMIN, {
      issuer: "https://other.example",
      certificate: ecCertificate.certificate,
    });
    await expect(h.engine.issuers.update(BOOTSTRAP_ADMIN, other.id, { issuer: IDP })).rejects.toBeInstanceOf(
      ConflictError,
    );
  });
});
