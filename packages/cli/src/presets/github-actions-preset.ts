import type { TrustConditionWire } from "@jwtgrant/core";
import { UsageError } from "../usage-error.js";
import type { IssuerPreset, PresetOptions } from "./issuer-preset.js";
import { requiredPresetOption } from "./required-preset-option.js";

/** The issuer of GitHub.com's Actions tokens; an enterprise with its own issuer adds `/<slug>`. */
export const GITHUB_ACTIONS_ISSUER = "https://token.actions.githubusercontent.com";

/**
 * GitHub Actions: one rule, `github-actions`, pinning the owner (and the repository) by the numeric ids that
 * GitHub never reuses, written as strings because the tokens carry them as strings; refs and workflow refs
 * by glob, the environment exactly. No refresh tokens: every job can ask GitHub for a fresh token.
 */
export function githubActionsPreset(options: PresetOptions): IssuerPreset {
  const ownerId = requiredPresetOption("github-actions", "--owner-id <id>", options.ownerId);
  // GitHub writes full refs; a bare branch name would never match, so it is refused here.
  if (options.ref !== undefined && !options.ref.startsWith("refs/")) {
    throw new UsageError(
      "--ref must be a full ref as GitHub writes it, e.g. refs/heads/main or refs/tags/v*",
    );
  }
  const when: Record<string, TrustConditionWire> = {
    repository_owner_id: { eq: ownerId },
    ...(options.repositoryId === undefined ? {} : { repository_id: { eq: options.repositoryId } }),
    ...(options.ref === undefined ? {} : { ref: { glob: options.ref } }),
    ...(options.environment === undefined ? {} : { environment: { eq: options.environment } }),
    ...(options.workflowRef === undefined ? {} : { workflow_ref: { glob: options.workflowRef } }),
    ...(options.jobWorkflowRef === undefined ? {} : { job_workflow_ref: { glob: options.jobWorkflowRef } }),
  };
  return {
    issuer: GITHUB_ACTIONS_ISSUER,
    keys: "discovery",
    rules: [{ name: "github-actions", when, refresh_tokens: false }],
  };
}
