// Runs the conformance scenarios in a page of headless Chromium: the engine must work on the browser's Web
// APIs alone. Errors the page throws or logs are printed and fail the run. Run with tsx on Node.
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import { bundleScenarios } from "./bundle-scenarios.ts";
import { parseOutcomes } from "./parse-outcomes.ts";
import { reportOutcomes } from "./report-outcomes.ts";
import { servePage } from "./serve-page.ts";

const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(executablePath)) {
  console.error(
    `conformance on browser: Chromium is missing at ${executablePath}: apt-get install chromium, or set CHROMIUM_PATH`,
  );
  process.exit(1);
}

const page = await servePage(await bundleScenarios("./page.ts", ["browser"]));
const browser = await chromium.launch({
  executablePath,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    // Every host name but the loopback address resolves to nothing, so Chromium asks no DNS server either.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
  ],
});
const pageErrors: string[] = [];
try {
  const tab = await browser.newPage();
  tab.on("pageerror", (error) => {
    pageErrors.push(error.message);
    console.error(`  page error: ${error.message}`);
  });
  tab.on("console", (message) => {
    if (message.type() !== "error") return;
    pageErrors.push(message.text());
    console.error(`  console error: ${message.text()}`);
  });
  await tab.goto(page.url);
  // A string, not a function: a function would be serialized as tsx compiled it, helpers and all.
  const outcomes = await tab.evaluate("globalThis.conformanceOutcomes");
  await reportOutcomes("browser", parseOutcomes(outcomes, "the page"));
} finally {
  await browser.close();
  await page.close();
}
if (pageErrors.length > 0) throw new Error(`${pageErrors.length} error(s) in the page; see above`);
