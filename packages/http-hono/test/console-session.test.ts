import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, createConsoleHarness } from "./console-harness.js";

const PAGES = [
  "/console",
  "/console/issuers",
  "/console/issuers/new",
  "/console/clients",
  "/console/clients/new",
  "/console/keys",
];

describe("console sessions", () => {
  it("sends every page to sign-in without a session, and renders it with one", async () => {
    const harness = await createConsoleHarness();
    for (const page of PAGES) {
      const response = await harness.get(page);
      expect(response.status, page).toBe(303);
      expect(response.headers.get("location")).toBe("/console/sign-in");
    }
    await harness.signIn();
    for (const page of PAGES) {
      const response = await harness.get(page);
      expect(response.status, page).toBe(200);
      expect(await response.text()).toContain("<title>");
    }
  });

  it("sets an HttpOnly, SameSite=Strict session cookie, Secure only over https", async () => {
    const harness = await createConsoleHarness();
    const cookie = (await harness.signIn()).headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    const https = await harness.app.request("https://console.example.com/console/sign-in", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://console.example.com" },
      body: `token=${ADMIN_TOKEN}`,
    });
    expect(https.headers.get("set-cookie")).toMatch(/Secure/);
  });

  it("refuses a wrong token with an error beside the field", async () => {
    const harness = await createConsoleHarness();
    const response = await harness.post("/console/sign-in", { token: "wrong-token" });
    expect(response.status).toBe(401);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await response.text()).toMatch(/id="token-error"[^>]*>That is not the admin token/);
  });

  it("refuses a forged cookie and ends the session on sign-out", async () => {
    const harness = await createConsoleHarness();
    const forged = await harness.app.request("/console", {
      headers: { cookie: "jwtgrant_console=abc.9999999999.xyz" },
    });
    expect(forged.status).toBe(303);
    await harness.signIn();
    const out = await harness.submit("/console/sign-out", {});
    expect(out.status).toBe(303);
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
  });

  it("puts the security headers on every console response", async () => {
    const harness = await createConsoleHarness();
    for (const response of [
      await harness.get("/console/sign-in"),
      await harness.get("/console"),
      await harness.get("/console/style.css"),
    ]) {
      expect(response.headers.get("content-security-policy")).toBe(
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      );
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("referrer-policy")).toBe("same-origin");
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("refuses a POST without the CSRF token or from another origin, and changes nothing", async () => {
    const harness = await createConsoleHarness();
    await harness.signIn();
    const before = (await harness.engine.signingKeys.list()).length;
    expect((await harness.post("/console/keys/rotate", {})).status).toBe(403);
    const token =
      (await (await harness.get("/console/keys")).text()).match(/name="csrf_token" value="([^"]+)"/)?.[1] ??
      "";
    expect(
      (await harness.post("/console/keys/rotate", { csrf_token: token }, { origin: "https://evil.example" }))
        .status,
    ).toBe(403);
    expect(
      (await harness.post("/console/keys/rotate", { csrf_token: token }, { origin: "null" })).status,
    ).toBe(403);
    expect(
      (await harness.post("/console/keys/rotate", { csrf_token: token }, { "sec-fetch-site": "cross-site" }))
        .status,
    ).toBe(403);
    expect((await harness.engine.signingKeys.list()).length).toBe(before);
    // A browser that sends Origin: null (a sandboxed or privacy-minded one) is vouched for by Sec-Fetch-Site.
    const own = await harness.post(
      "/console/keys/rotate",
      { csrf_token: token },
      { origin: "null", "sec-fetch-site": "same-origin" },
    );
    expect(own.status).toBe(303);
    expect((await harness.engine.signingKeys.list()).length).toBe(before + 1);
  });

  it("accepts a form posted from the public issuer origin, as behind a proxy that terminates TLS", async () => {
    const harness = await createConsoleHarness();
    await harness.signIn();
    const html = await (await harness.get("/console")).text();
    const token = /name="csrf_token" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const before = (await harness.engine.signingKeys.list()).length;
    const proxied = await harness.post(
      "/console/keys/rotate",
      { csrf_token: token },
      { origin: harness.engine.settings.issuer },
    );
    expect(proxied.status).toBe(303);
    expect((await harness.engine.signingKeys.list()).length).toBe(before + 1);
  });

  it("can be switched off", async () => {
    const harness = await createConsoleHarness({ console: false });
    expect((await harness.get("/console/sign-in")).status).toBe(404);
  });
});
