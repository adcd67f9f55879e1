import { BOOTSTRAP_ADMIN, JWT_BEARER_GRANT } from "@jwtgrant/core";
import { ecCertificate, importTestKey, signTestJws } from "@jwtgrant/core/testing";
import { calculateJwkThumbprint, exportJWK, importX509 } from "jose";
import { describe, expect, it } from "vitest";
import { createConsoleHarness, SERVER } from "./console-harness.js";

const PARTNER = "https://partner.example.com";

async function withIssuer(fields: Record<string, string> = {}) {
  const harness = await createConsoleHarness();
  await harness.signIn();
  const response = await harness.submit("/console/issuers", {
    issuer: PARTNER,
    name: "Partner",
    certificate: ecCertificate.certificate,
    subjects: "batch-job\nnightly",
    scope: "orders:read",
    ...fields,
  });
  expect(response.status).toBe(303);
  const location = response.headers.get("location") ?? "";
  return { harness, location, id: decodeURIComponent(location.split("/").pop() ?? "") };
}

describe("console: trusted issuers", () => {
  it("adds an issuer by PEM certificate and shows its RFC 7638 thumbprint", async () => {
    const { harness, location, id } = await withIssuer();
    const issuer = await harness.engine.issuers.get(id);
    expect(issuer.keySource.kind).toBe("certificate");
    expect(issuer.subjectRule).toEqual({ kind: "listed", subjects: ["batch-job", "nightly"] });
    const page = await (await harness.get(location)).text();
    const jwk = await exportJWK(await importX509(ecCertificate.certificate, "ES256", { extractable: true }));
    expect(page).toContain(await calculateJwkThumbprint(jwk, "sha256"));
    expect(await (await harness.get("/console/issuers")).text()).toContain(PARTNER);
  });

  it("shows a validation error beside its field, with the form filled in again", async () => {
    const harness = await createConsoleHarness();
    await harness.signIn();
    const response = await harness.submit("/console/issuers", {
      issuer: PARTNER,
      name: "Kept name",
      certificate: "not a certificate",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/id="certificate-error"[^>]*>certificate: /);
    expect(html).toContain('value="Kept name"');
    expect(html).toContain(">not a certificate</textarea>");
    expect(await harness.engine.issuers.list()).toEqual([]);
  });

  it("escapes a hostile issuer name", async () => {
    const { harness, location } = await withIssuer({ name: "<script>alert(1)</script>" });
    for (const page of [location, "/console/issuers"]) {
      const html = await (await harness.get(page)).text();
      expect(html, page).not.toContain("<script>");
      expect(html, page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
  });

  it("disables and enables an issuer", async () => {
    const { harness, location, id } = await withIssuer();
    expect((await harness.submit(`${location}/enabled`, { enabled: "false" })).status).toBe(303);
    expect((await harness.engine.issuers.get(id)).enabled).toBe(false);
    expect(await (await harness.get(location)).text()).toContain(">Enable<");
    await harness.submit(`${location}/enabled`, { enabled: "true" });
    expect((await harness.engine.issuers.get(id)).enabled).toBe(true);
  });

  it("deletes only after the confirmation step", async () => {
    const { harness, location } = await withIssuer();
    const confirm = await (await harness.get(`${location}/delete`)).text();
    expect(confirm).toContain('name="confirm" value="yes"');
    expect((await harness.submit(`${location}/delete`, {})).status).toBe(303);
    expect(await harness.engine.issuers.list()).toHaveLength(1);
    expect((await harness.submit(`${location}/delete`, { confirm: "yes" })).headers.get("location")).toBe(
      "/console/issuers",
    );
    expect(await harness.engine.issuers.list()).toEqual([]);
  });

  it("names the check that refuses an assertion, and leaves its jti unconsumed", async () => {
    const { harness, location } = await withIssuer();
    const { client, clientSecret } = await harness.engine.clients.create(BOOTSTRAP_ADMIN, {
      grantTypes: [JWT_BEARER_GRANT],
    });
    const key = await importTestKey("ES256", ecCertificate.testOnlyPrivateKeyPkcs8);
    const now = harness.clock.nowSeconds();
    const claims = { iss: PARTNER, sub: "batch-job", iat: now, exp: now + 120, jti: crypto.randomUUID() };
    const tryIt = async (assertion: string) =>
      (await harness.submit(`${location}/try`, { assertion, client_id: client.clientId })).text();

    const wrongAudience = await tryIt(
      await signTestJws(key, { ...claims, aud: "https://elsewhere.example" }),
    );
    expect(wrongAudience).toContain('<h3 id="verdict" class="error">Refused: aud_mismatch</h3>');
    expect(wrongAudience).toContain("https://elsewhere.example");

    const wrongSubject = await signTestJws(key, {
      ...claims,
      sub: "intruder",
      aud: `${SERVER}/oauth2/token`,
    });
    expect(await tryIt(wrongSubject)).toContain("Refused: subject_not_allowed");

    const good = await signTestJws(key, { ...claims, aud: `${SERVER}/oauth2/token` });
    expect(await tryIt(good)).toContain('<h3 id="verdict" class="ok">Would grant</h3>');
    expect(await tryIt(good)).toContain('<h3 id="verdict" class="ok">Would grant</h3>');
    const exchange = await harness.app.request("/oauth2/token", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${btoa(`${client.clientId}:${clientSecret}`)}`,
      },
      body: new URLSearchParams({ grant_type: JWT_BEARER_GRANT, assertion: good }).toString(),
    });
    expect(exchange.status).toBe(200);
    const overview = await (await harness.get("/console")).text();
    expect(overview).toContain("granted");
  });
});
