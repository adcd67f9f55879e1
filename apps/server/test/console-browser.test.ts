import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { JWT_BEARER_GRANT } from "@jwtgrant/core";
import { ecCertificate, importTestKey, signTestJws } from "@jwtgrant/core/testing";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type RunningServer, startServer, tempDataDir } from "./support/server-process.js";

const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOTS = fileURLToPath(new URL("../test-results/console-screenshots/", import.meta.url));
const PARTNER = "https://partner.example.com";
const CI = "https://ci.example.com";

describe("the console in a browser", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
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
    await page.getByLabel("Redirect URI (optional)").fill("https://orders.example.com/callback");
    await shot(page, "06-client-form");
    await page.getByRole("button", { name: "Add client" }).click();
    const clientId = (await page.locator("#client-id").textContent()) ?? "";
    const clientSecret = (await page.locator("#client-secret").textContent()) ?? "";
    expect(clientSecret.length).toBeGreaterThan(40);
    await shot(page, "07-client-secret");
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
