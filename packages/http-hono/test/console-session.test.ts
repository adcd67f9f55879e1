import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type ConsoleHarness, createConsoleHarness } from "./console-harness.js";

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

  it("sets an HttpOnly, SameSite=Strict session cookie, Secure iff the public issuer URL is https", async () => {
    const signIn = (harness: ConsoleHarness, url: string) =>
      harness.app.request(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(url).origin },
        body: `token=${ADMIN_TOKEN}`,
      });
    // Behind a proxy that terminates TLS, the request the app sees is http: the cookie must be Secure anyway.
    const behindProxy = await createConsoleHarness({ issuer: "https://as.example.com" });
    const proxied = (await signIn(behindProxy, "http://10.0.0.5:8080/console/sign-in")).headers.get(
      "set-cookie",
    );
    expect(proxied).toMatch(/HttpOnly/);
    expect(proxied).toMatch(/SameSite=Strict/);
    expect(proxied).toMatch(/; Secure/);
    const local = await createConsoleHarness({ issuer: "http://localhost:8080" });
    const direct = (await signIn(local, "https://localhost:8080/console/sign-in")).headers.get("set-cookie");
    expect(direct).toMatch(/HttpOnly/);
    expect(direct).not.toMatch(/Secure/);
  });

  it("refuses a wrong token with an error beside the field", async () => {
    const harness = await createConsoleHarness();
    const response = await harness.post("/console/sign-in", { token: "wrong-token" });
    expect(response.status).toBe(401);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await response.text()).toMatch(/id="token-error"[^>]*>That is not the admin token/);
  });

  it("refuses a forged cookie", async () => {
    const harness = await createConsoleHarness();
    const forged = await harness.app.request("/console", {
      headers: { cookie: "jwtgrant_console=abc.9999999999.xyz" },
    });
    expect(forged.status).toBe(303);
    expect(forged.headers.get("location")).toBe("/console/sign-in");
  });

  it("ends the session on sign-out, for the old cookie too, on every instance sharing the storage", async () => {
    const first = await createConsoleHarness();
    const second = await createConsoleHarness({ shared: first });
    await first.signIn();
    const cookie = first.cookie;
    second.cookie = cookie;
    expect((await second.get("/console")).status).toBe(200);
    const csrfToken = await first.csrfToken();

    const out = await first.submit("/console/sign-out", {});
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/console/sign-in");
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);

    // The browser would forget the cookie; a copy of it replayed is refused all the same.
    expect(first.cookie).toBe(cookie);
    for (const instance of [first, second]) {
      const page = await instance.get("/console");
      expect(page.status).toBe(303);
      expect(page.headers.get("location")).toBe("/console/sign-in");
      const before = (await instance.engine.signingKeys.list()).length;
      const rotate = await instance.post("/console/keys/rotate", { csrf_token: csrfToken });
      expect(rotate.status).toBe(403);
      expect((await instance.engine.signingKeys.list()).length).toBe(before);
    }
    // Signing in again opens a new session.
    await second.signIn();
    expect((await second.get("/console")).status).toBe(200);
  });

  it("expires a session exactly at its maximum age, by the engine's clock", async () => {
    const harness = await createConsoleHarness();
    await harness.signIn();
    harness.clock.advance(8 * 3600 - 1);
    expect((await harness.get("/console")).status).toBe(200);
    harness.clock.advance(1);
    const expired = await harness.get("/console");
    expect(expired.status).toBe(303);
    expect(expired.headers.get("location")).toBe("/console/sign-in");
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
