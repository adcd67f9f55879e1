// Bundles an entry of the conformance scenarios, with the built package and jose, into one ES module. The
// platform is neutral, so a Node builtin anywhere in the graph fails the bundle instead of being left for
// the runtime to provide.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/**
 * @param entry a module beside this file
 * @param conditions the package export conditions the target runtime resolves
 */
export async function bundleScenarios(entry: string, conditions: readonly string[]): Promise<string> {
  const { outputFiles } = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    conditions: [...conditions],
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const [bundle] = outputFiles;
  if (bundle === undefined) throw new Error(`bundling ${entry} produced no output`);
  return bundle.text;
}
