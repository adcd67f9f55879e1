import { BOOTSTRAP_ADMIN, JWT_BEARER_GRANT } from "@jwtgrant/core";
import { ecCertificate, importTestKey, rsaCertificate, signTestJws } from "@jwtgrant/core/testing";
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

describe("console: editing an issuer", () => {
  const edited = {
    issuer: PARTNER,
    name: "Partner, renamed",
    certificate: ecCertificate.certificate,
    algorithms: "ES256",
    subjects: "batch-job",
    scope: "orders:read orders:write",
    audiences: "https://api.example.com\nurn:example:orders",
    assertion_reuse: "allowed",
    max_assertion_lifetime: "600",
    expires_at: "2031-06-30T12:00:00",
  };

  it("shows the issuer's settings in the edit form", async () => {
    const { harness, location } = await withIssuer();
    const html = await (await harness.get(`${location}/edit`)).text();
    expect(html).toContain(`action="${location}/edit"`);
    expect(html).toContain(`value="${PARTNER}"`);
    expect(html).toContain(`>${ecCertificate.certificate.trim()}</textarea>`);
    expect(html).toContain(">batch-job\nnightly</textarea>");
    expect(html).toContain('<option value="single_use" selected="">');
    expect(html).toContain('type="checkbox" id="enabled" name="enabled" value="yes" checked=""');
  });

  it("saves every setting through the admin use case", async () => {
    const { harness, location, id } = await withIssuer();
    const response = await harness.submit(`${location}/edit`, { ...edited, enabled: "yes" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(location);
    expect(await harness.engine.issuers.get(id)).toMatchObject({
      name: "Partner, renamed",
      keySource: { kind: "certificate" },
      algorithms: ["ES256"],
      subjectRule: { kind: "listed", subjects: ["batch-job"] },
      scope: ["orders:read", "orders:write"],
      audiences: ["https://api.example.com", "urn:example:orders"],
      assertionReuse: "allowed",
      maxAssertionLifetimeSeconds: 600,
      expiresAt: new Date("2031-06-30T12:00:00Z"),
      enabled: true,
    });
    const page = await (await harness.get(location)).text();
    expect(page).toContain("https://api.example.com, urn:example:orders, besides this server");
  });

  it("empties back to the defaults, and an unticked box disables", async () => {
    const { harness, location, id } = await withIssuer();
    await harness.submit(`${location}/edit`, { ...edited, enabled: "yes" });
    const response = await harness.submit(`${location}/edit`, {
      issuer: PARTNER,
      certificate: ecCertificate.certificate,
    });
    expect(response.status).toBe(303);
    expect(await harness.engine.issuers.get(id)).toMatchObject({
      name: null,
      algorithms: null,
      subjectRule: { kind: "any" },
      scope: null,
      audiences: [],
      maxAssertionLifetimeSeconds: null,
      expiresAt: null,
      enabled: false,
    });
  });

  it("switches the key source to several certificates, then to discovery", async () => {
    const { harness, location, id } = await withIssuer();
    const both = `${ecCertificate.certificate}\n${rsaCertificate.certificate}`;
    expect(
      (await harness.submit(`${location}/edit`, { ...edited, algorithms: "", certificate: both })).status,
    ).toBe(303);
    const issuer = await harness.engine.issuers.get(id);
    expect(issuer.keySource).toEqual({
      kind: "certificates",
      certificates: [ecCertificate.certificate.trim(), rsaCertificate.certificate.trim()],
    });
    expect(await (await harness.get(`${location}/edit`)).text()).toContain(
      `>${ecCertificate.certificate.trim()}\n${rsaCertificate.certificate.trim()}</textarea>`,
    );
    await harness.submit(`${location}/edit`, {
      ...edited,
      algorithms: "",
      certificate: "",
      discovery: "yes",
    });
    expect((await harness.engine.issuers.get(id)).keySource).toEqual({ kind: "discovery", issuer: PARTNER });
  });

  it("keeps the keys when every key field is emptied", async () => {
    const { harness, location, id } = await withIssuer();
    const before = (await harness.engine.issuers.get(id)).keySource;
    expect((await harness.submit(`${location}/edit`, { ...edited, certificate: "" })).status).toBe(303);
    expect((await harness.engine.issuers.get(id)).keySource).toEqual(before);
  });

  it("changes nothing on a refused edit, and keeps what was typed beside the error", async () => {
    const { harness, location, id } = await withIssuer();
    const before = await harness.engine.issuers.get(id);
    const cases = [
      [
        "algorithms",
        { algorithms: "HS256" },
        "algorithms: HS256 is not an accepted asymmetric JWS algorithm",
      ],
      [
        "max_assertion_lifetime",
        { max_assertion_lifetime: "2 days" },
        "max_assertion_lifetime: must be a whole",
      ],
      [
        "certificate",
        { certificate: `${ecCertificate.certificate}\nnot a certificate` },
        "certificates[1]: ",
      ],
      ["jwks", { certificate: "", jwks: "{" }, "jwks: not valid JSON"],
      ["expires_at", { expires_at: "someday" }, "expires_at: not a date and time"],
      [
        "form",
        { jwks_uri: "https://partner.example.com/jwks" },
        "certificate, certificates, jwks, jwks_uri or discovery: exactly one",
      ],
    ] as const;
    for (const [field, change, problem] of cases) {
      const response = await harness.submit(`${location}/edit`, { ...edited, ...change });
      expect(response.status, field).toBe(400);
      const html = await response.text();
      expect(html, field).toContain(`id="${field}-error" class="error" role="alert">${problem}`);
      expect(html, field).toContain('value="Partner, renamed"');
      expect(await harness.engine.issuers.get(id), field).toEqual(before);
    }
  });
});
