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

const served = await servePage(await bundleScenarios("./page.ts", ["browser"]));
const pageErrors: string[] = [];
try {
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
  try {
    const page = await browser.newPage();
    page.on("pageerror", (error) => {
      pageErrors.push(error.message);
      console.error(`  page error: ${error.message}`);
    });
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      pageErrors.push(message.text());
      console.error(`  console error: ${message.text()}`);
    });
    await page.goto(served.url);
    const outcomes = await page.evaluate(() => globalThis.conformanceOutcomes);
    await reportOutcomes("browser", parseOutcomes(outcomes, "the page"));
  } finally {
    await browser.close();
  }
} finally {
  await served.close();
}
if (pageErrors.length > 0) throw new Error(`${pageErrors.length} error(s) in the page; see above`);
