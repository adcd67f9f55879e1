// Runs the conformance scenarios inside workerd, through Miniflare, without Node compatibility: the engine
// must work on Web APIs alone. Run with tsx on Node.
import { Miniflare, supportedCompatibilityDate } from "miniflare";
import { bundleScenarios } from "./bundle-scenarios.ts";
import { parseOutcomes } from "./parse-outcomes.ts";
import { reportOutcomes } from "./report-outcomes.ts";

const worker = await bundleScenarios("./worker.ts", ["workerd", "worker", "browser"]);
const miniflare = new Miniflare({
  modules: [{ type: "ESModule", path: "conformance.mjs", contents: worker }],
  // The newest date the pinned workerd supports, and no flags: no nodejs_compat.
  compatibilityDate: supportedCompatibilityDate,
  compatibilityFlags: [],
  // A placeholder Request.cf instead of one fetched from Cloudflare: the run touches no network.
  cf: false,
});
try {
  const response = await miniflare.dispatchFetch("http://conformance.invalid/");
  if (!response.ok) throw new Error(`the worker answered ${response.status}: ${await response.text()}`);
  await reportOutcomes("workerd", parseOutcomes(await response.json(), "the worker"));
} finally {
  await miniflare.dispose();
}
