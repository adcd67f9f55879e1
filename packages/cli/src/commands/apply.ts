import { applyTrustPlan, formatTrustPlan, planTrust, TrustApplyError, trustPlanToJson } from "@jwtgrant/core";
import { type Command, Option } from "commander";
import { CliError } from "../cli-error.js";
import { type AdminOptions, adminClient, withAdminOptions } from "../options/admin-options.js";
import { printJson } from "../output/print.js";
import { adminApiTrustTarget } from "../trust/admin-api-trust-target.js";
import { loadTrustDocument } from "../trust/load-trust-document.js";
import { readSecretSource } from "../trust/read-secret-source.js";
import { readServerTrustState } from "../trust/read-server-trust-state.js";

interface ApplyOptions extends AdminOptions {
  readonly file: string;
  readonly dryRun?: true;
  readonly prune?: true;
}

export function registerApplyCommand(program: Command): void {
  withAdminOptions(
    program
      .command("apply")
      .description("make the server's issuers and clients match a trust document (YAML or JSON)")
      .addOption(new Option("-f, --file <path>", "the trust document").makeOptionMandatory())
      .option("--dry-run", "print the plan and change nothing")
      .option("--prune", "also delete the issuers and clients the document does not name"),
  ).action(async (options: ApplyOptions) => {
    const document = await loadTrustDocument(options.file);
    const admin = adminClient(options);
    const plan = planTrust(document, await readServerTrustState(admin), { prune: options.prune === true });
    const apply = options.dryRun !== true && plan.changes.length > 0;
    if (apply) {
      try {
        await applyTrustPlan(plan, adminApiTrustTarget(admin), readSecretSource(options.file));
      } catch (error) {
        if (error instanceof TrustApplyError) throw new CliError(`${options.file}: ${error.message}`);
        throw error;
      }
    }
    if (options.json) {
      printJson({ ...(trustPlanToJson(plan) as object), applied: apply });
      return;
    }
    const lines = formatTrustPlan(plan);
    if (options.dryRun === true && plan.changes.length > 0) lines.push("dry run: nothing was changed");
    process.stdout.write(`${lines.join("\n")}\n`);
  });
}
