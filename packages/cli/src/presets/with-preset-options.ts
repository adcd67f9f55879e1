import { type Command, Option } from "commander";
import { parseNonEmpty, parseNumericId } from "../options/parse-values.js";
import { PRESET_NAMES } from "./build-preset.js";

const HEADING = "Preset options (see --preset):";

const option = (flags: string, description: string): Option =>
  new Option(flags, description).helpGroup(HEADING);

/** `--preset` and the options of every preset, listed under a heading of their own in the help. */
export function withPresetOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        "--preset <name>",
        "write the rules (and settings) for a platform's tokens: pins its immutable tenant ids",
      )
        .choices(PRESET_NAMES)
        .conflicts(["ruleFile", "rules"]),
    )
    .addOption(
      option("--owner-id <id>", "github-actions: the repository owner's numeric id (required)").argParser(
        parseNumericId,
      ),
    )
    .addOption(
      option("--repository-id <id>", "github-actions: the repository's numeric id").argParser(parseNumericId),
    )
    .addOption(
      option(
        "--ref <glob>",
        "github-actions: a full ref (refs/heads/main, refs/tags/v*); gitlab: a branch or tag name",
      ).argParser(parseNonEmpty),
    )
    .addOption(
      option("--environment <name>", "github-actions: the deployment environment").argParser(parseNonEmpty),
    )
    .addOption(
      option(
        "--workflow-ref <glob>",
        "github-actions: the workflow, owner/repo/.github/workflows/f.yml@ref",
      ).argParser(parseNonEmpty),
    )
    .addOption(
      option("--job-workflow-ref <glob>", "github-actions: the reusable workflow the job runs").argParser(
        parseNonEmpty,
      ),
    )
    .addOption(
      option("--namespace-id <id>", "gitlab: the group's or user's numeric id (required)").argParser(
        parseNumericId,
      ),
    )
    .addOption(option("--project-id <id>", "gitlab: the project's numeric id").argParser(parseNumericId))
    .addOption(option("--ref-protected", "gitlab: only jobs on protected branches and tags"))
    .addOption(option("--namespace <name>", "kubernetes: the service account's namespace (required)"))
    .addOption(option("--service-account <name>", "kubernetes: the service account's name"))
    .addOption(option("--trust-domain <name>", "spiffe: the trust domain of the SPIFFE IDs (required)"))
    .addOption(option("--path-prefix <path>", "spiffe: only SPIFFE IDs under this path, e.g. /ns/prod"));
}
