import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { JWT_BEARER_GRANT } from "@jwtgrant/core";
import { ecCertificate, importTestKey, signTestJws } from "@jwtgrant/core/testing";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type RunningServer, startServer, tempDataDir } from "./support/server-process.js";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const SCREENSHOTS = fileURLToPath(new URL("../test-results/console-screenshots/", import.meta.url));
const PARTNER = "https://partner.example.com";
const CI = "https://ci.example.com";

describe("the console in a browser", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is missing at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH to its binary`,
      );
    }
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await startServer({ dataDir: await tempDataDir() });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    expect(await server?.stop()).toBe(0);
  });

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });

  it("registers an issuer and a client whose credentials then exchange an assertion", async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await page.goto(`${server.url}/console`);
    expect(page.url()).toBe(`${server.url}/console/sign-in`);
    await page.getByLabel("Admin token").fill("not the token");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#token-error").textContent()).resolves.toContain("not the admin token");
    await shot(page, "01-sign-in-error");
    await page.getByLabel("Admin token").fill(ADMIN_TOKEN);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}/console`);
    await shot(page, "02-overview");

    await page.getByRole("link", { name: "Trusted issuers" }).click();
    await page.getByRole("link", { name: "Add a trusted issuer" }).click();
    await page.getByLabel("Issuer (the iss of its assertions)").fill(PARTNER);
    await page.getByLabel("Display name").fill("Partner signing service");
    await page.getByLabel("Public certificate (PEM)").fill(ecCertificate.certificate);
    await page.getByLabel("Allowed subjects").fill("batch-job");
    await page.getByLabel("Scope", { exact: true }).fill("orders:read");
    await shot(page, "03-issuer-form");
    await page.getByRole("button", { name: "Add issuer" }).click();
    await page.waitForURL(/\/console\/issuers\/[0-9a-f-]+$/);
    const issuerPage = page.url();
    await expect(page.locator("h1").textContent()).resolves.toBe("Partner signing service");
    await shot(page, "04-issuer-detail");
    await page.getByRole("link", { name: "Trusted issuers" }).click();
    await shot(page, "05-issuers");

    await page.getByRole("link", { name: "Clients" }).click();
    await page.getByRole("link", { name: "Add a client" }).click();
    await page.getByLabel("Name").fill("Orders app");
    await page.getByLabel("Scope (space-separated)").fill("orders:read");
    await expect(page.getByLabel("refresh_token").isChecked()).resolves.toBe(true);
    await page.getByText("Advanced").click();
    await page.getByLabel("Redirect URIs (optional)").fill("https://orders.example.com/callback");
    await shot(page, "06-client-form");
    await page.getByRole("button", { name: "Add client" }).click();
    await page.waitForURL(/\/console\/clients\/[0-9a-f-]+$/);
    const clientId = (await page.locator("#client-id").textContent()) ?? "";
    const clientSecret = (await page.locator("#client-secret").textContent()) ?? "";
    expect(clientSecret.length).toBeGreaterThan(40);
    expect(page.url()).not.toContain(clientSecret);
    await shot(page, "07-client-secret");
    // Post/redirect/get: a reload repeats the GET, which adds no client and shows the secret no more.
    await page.reload();
    await expect(page.locator("#client-secret").count()).resolves.toBe(0);
    await expect(page.locator("h1").textContent()).resolves.toBe("Orders app");
    const clients = await fetch(`${server.url}/admin/clients`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    await expect(clients.json()).resolves.toMatchObject({ items: [{ client_id: clientId }] });
    await page.getByRole("link", { name: "Clients" }).click();
    await shot(page, "08-clients");
    await page.getByRole("link", { name: "Signing keys" }).click();
    await shot(page, "09-keys");

    const key = await importTestKey("ES256", ecCertificate.testOnlyPrivateKeyPkcs8);
    const now = Math.floor(Date.now() / 1000);
    const assertion = await signTestJws(key, {
      iss: PARTNER,
      sub: "batch-job",
      aud: `${server.url}/oauth2/token`,
      iat: now,
      exp: now + 300,
      jti: crypto.randomUUID(),
    });

    await page.goto(issuerPage);
    await page.getByLabel("Assertion (a signed JWT)").fill(assertion);
    await page.getByLabel("As client").selectOption(clientId);
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.locator("#verdict").textContent()).resolves.toBe("Would grant");
    await expect(page.locator("#client-check").textContent()).resolves.toBe("checked");
    await expect(page.locator("#accepted-audiences li").allTextContents()).resolves.toEqual([
      server.url,
      `${server.url}/oauth2/token`,
    ]);
    await expect(page.locator("#claim-times dt").allTextContents()).resolves.toEqual(["iat", "exp"]);
    await expect(page.locator("#claim-times dd").nth(1).textContent()).resolves.toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(in [45] min\)$/,
    );
    await expect(page.locator("#would-issue").textContent()).resolves.toContain("orders:read");
    await shot(page, "10-try-it");

    const response = await fetch(`${server.url}/oauth2/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${btoa(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`)}`,
      },
      body: new URLSearchParams({ grant_type: JWT_BEARER_GRANT, assertion }).toString(),
    });
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toMatchObject({ token_type: "Bearer", scope: "orders:read" });

    await page.getByRole("link", { name: "Overview" }).click();
    await expect(page.locator("main").textContent()).resolves.toContain("granted");
    await shot(page, "11-overview-after-grant");
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(issuerPage);
    await shot(page, "12-issuer-narrow");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${server.url}/console/sign-in`);
    await page.goto(`${server.url}/console/clients`);
    expect(page.url()).toBe(`${server.url}/console/sign-in`);
  });

  it("edits an issuer and a client, keeping what was typed when an edit is refused", async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await page.goto(`${server.url}/console/sign-in`);
    await expect(page.locator("#token-hint").textContent()).resolves.toContain(".jwtgrant/admin-token");
    const iconPath = await page.locator("link[rel=icon]").getAttribute("href");
    const icon = await fetch(`${server.url}${iconPath}`);
    expect(`${icon.status} ${icon.headers.get("content-type")}`).toBe("200 image/svg+xml");
    await page.getByLabel("Admin token").fill(ADMIN_TOKEN);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}/console`);

    await page.getByRole("link", { name: "Trusted issuers" }).click();
    await page.getByRole("link", { name: PARTNER }).click();
    const issuerPage = page.url();
    await page.getByRole("link", { name: "Edit…" }).click();
    await expect(page.getByLabel("Issuer (the iss of its assertions)").inputValue()).resolves.toBe(PARTNER);
    await page.getByLabel("Max assertion lifetime (seconds)").fill("a week");
    await page.getByLabel("Extra audiences").fill("urn:example:orders");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.locator("#max_assertion_lifetime-error").textContent()).resolves.toBe(
      "max_assertion_lifetime: must be a whole number of seconds between 1 and 86400",
    );
    await expect(page.getByLabel("Extra audiences").inputValue()).resolves.toBe("urn:example:orders");
    await shot(page, "16-issuer-edit-error");
    await page.getByLabel("Max assertion lifetime (seconds)").fill("600");
    await page.getByLabel("Scope", { exact: true }).fill("orders:read orders:write");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(issuerPage);
    await expect(page.locator("main dl").first().textContent()).resolves.toContain("600 s");
    await expect(page.locator("#accepted-audiences li").last().textContent()).resolves.toBe(
      "urn:example:orders",
    );
    await shot(page, "17-issuer-edited");

    await page.getByRole("link", { name: "Clients" }).click();
    await page.locator("main table a").first().click();
    const clientPage = page.url();
    await page.getByRole("link", { name: "Edit…" }).click();
    await expect(page.getByLabel("Name").inputValue()).resolves.toBe("Orders app");
    await page.getByLabel("Access token lifetime (seconds)").fill("90000");
    await page.getByLabel("Trusted issuers").fill(PARTNER);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.locator("#access_token_ttl-error").textContent()).resolves.toBe(
      "access_token_ttl: must be a whole number of seconds between 1 and 86400",
    );
    await expect(page.getByLabel("Trusted issuers").inputValue()).resolves.toBe(PARTNER);
    await page.getByLabel("Access token lifetime (seconds)").fill("600");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(clientPage);
    await expect(page.locator("main dl").textContent()).resolves.toContain("600 s");
    await shot(page, "18-client-edited");

    // A rotated secret is shown once too: the POST redirects, and a reload shows it no more.
    await page.getByRole("button", { name: "Rotate secret" }).click();
    await page.waitForURL(clientPage);
    await expect(page.locator("#client-secret").textContent()).resolves.toMatch(/^jgcs_/);
    await page.reload();
    await expect(page.locator("#client-secret").count()).resolves.toBe(0);
  });

  it("edits an issuer's rules, shows them, and explains an assertion condition by condition", async () => {
    const registered = await fetch(`${server.url}/admin/issuers`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ issuer: CI, certificate: ecCertificate.certificate }),
    });
    expect(registered.status).toBe(201);
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await page.goto(`${server.url}/console/sign-in`);
    await page.getByLabel("Admin token").fill(ADMIN_TOKEN);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}/console`);

    await page.getByRole("link", { name: "Trusted issuers" }).click();
    await page.getByRole("link", { name: CI }).click();
    await page.waitForURL(/\/console\/issuers\/[0-9a-f-]+$/);
    const issuerPage = page.url();
    await page.getByRole("link", { name: "Add rules…" }).click();
    const editor = page.getByLabel("Rules (JSON)");
    await editor.fill(JSON.stringify([{ name: "orders-team", when: { team: { glob: 5 } } }], null, 2));
    await page.getByRole("button", { name: "Save rules" }).click();
    await expect(page.locator("#rules-error").textContent()).resolves.toBe(
      "rules[0].when.team: glob must be a string",
    );
    await expect(editor.inputValue()).resolves.toContain('"glob": 5');
    await shot(page, "13-rules-error");
    const rules = [{ name: "orders-team", when: { sub: { eq: "batch-job" }, team: { eq: "orders" } } }];
    await editor.fill(JSON.stringify(rules, null, 2));
    await page.getByRole("button", { name: "Save rules" }).click();
    await page.waitForURL(issuerPage);
    await expect(page.locator("ol.rules h3").allTextContents()).resolves.toEqual(["orders-team"]);
    await expect(page.locator("ol.rules code").allTextContents()).resolves.toEqual([
      'sub eq "batch-job"',
      'team eq "orders"',
    ]);
    await shot(page, "14-issuer-rules");

    const key = await importTestKey("ES256", ecCertificate.testOnlyPrivateKeyPkcs8);
    const now = Math.floor(Date.now() / 1000);
    const assertion = await signTestJws(key, {
      iss: CI,
      sub: "batch-job",
      team: "billing",
      aud: `${server.url}/oauth2/token`,
      iat: now,
      exp: now + 300,
      jti: crypto.randomUUID(),
    });
    await page.getByLabel("Assertion (a signed JWT)").fill(assertion);
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.locator("#verdict").textContent()).resolves.toBe("Refused: no_rule_matched");
    await expect(page.getByLabel("Assertion (a signed JWT)").inputValue()).resolves.toBe(assertion);
    const failed = page.locator("tr.failed");
    await expect(failed.count()).resolves.toBe(1);
    await expect(failed.locator("td").allTextContents()).resolves.toEqual([
      "team",
      "eq",
      "✗ failed",
      "billing",
    ]);
    await expect(page.locator("tr.passed td").first().textContent()).resolves.toBe("sub");
    await shot(page, "15-try-it-explained");
  });
});
