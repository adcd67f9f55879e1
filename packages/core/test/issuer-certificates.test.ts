import { describe, expect, it } from "vitest";
import { BOOTSTRAP_ADMIN } from "../src/domain/admin-actor.js";
import { signTestJws } from "../src/testing/sign-test-jws.js";
import { ecCertificate, rsaCertificate } from "../src/testing/test-certificates.js";
import { importTestKey } from "../src/testing/test-keys.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness, IDP } from "./support/harness.js";

describe("an issuer with several certificates", () => {
  it("accepts assertions signed with the key of any of them, as across a rollover", async () => {
    const h = await createHarness();
    const issuer = await h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, {
      certificates: [ecCertificate.certificate, rsaCertificate.certificate],
    });
    expect(issuer.keySource).toEqual({
      kind: "certificates",
      certificates: [ecCertificate.certificate.trim(), rsaCertificate.certificate.trim()],
    });
    for (const [certificate, alg] of [
      [ecCertificate, "ES256"],
      [rsaCertificate, "RS256"],
    ] as const) {
      const key = await importTestKey(alg, certificate.testOnlyPrivateKeyPkcs8);
      const assertion = await signTestJws(key, h.claims(), {});
      await h.expectIssued(h.exchange(assertion));
    }
    // The harness's own key is no longer one of the issuer's: its kid matches no certificate, so the
    // certificates' keys (which have none) are tried, and none verifies.
    await expectOAuthError(h.exchange(await h.sign()), "invalid_grant", "bad_signature");
  });

  it("names the certificate that does not parse, and bounds how many", async () => {
    const h = await createHarness();
    const bad = await expectOAuthError(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, {
        issuer: `${IDP}/b`,
        certificates: [ecCertificate.certificate, "not a PEM"],
      }),
      "invalid_request",
      "invalid_field",
    );
    expect(bad.field).toEqual(["certificates", 1]);
    for (const certificates of [[], Array.from({ length: 11 }, () => ecCertificate.certificate)]) {
      const error = await expectOAuthError(
        h.engine.issuers.create(BOOTSTRAP_ADMIN, { issuer: `${IDP}/c`, certificates }),
        "invalid_request",
      );
      expect(error.field).toEqual(["certificates"]);
    }
    await expectOAuthError(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, {
        issuer: `${IDP}/d`,
        certificates: [ecCertificate.certificate],
        jwksUri: `${IDP}/jwks`,
      }),
      "invalid_request",
      "invalid_field",
    );
  });

  it("keeps an issuer registered with one certificate as it was", async () => {
    const h = await createHarness();
    const issuer = await h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, {
      certificate: ecCertificate.certificate,
    });
    expect(issuer.keySource).toEqual({ kind: "certificate", certificate: ecCertificate.certificate.trim() });
  });
});
