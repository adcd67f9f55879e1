import type { TrustConditionWire } from "@jwtgrant/core";
import { UsageError } from "../usage-error.js";
import type { IssuerPreset, PresetOptions } from "./issuer-preset.js";
import { requiredPresetOption } from "./required-preset-option.js";

export const GITLAB_ISSUER = "https://gitlab.com";

/**
 * GitLab CI/CD ID tokens: one rule, `gitlab-ci`, pinning the namespace (and the project) by numeric id, as the
 * strings the tokens carry; the ref (a branch or tag name) by glob; `ref_protected` as the string "true" that
 * GitLab writes. No refresh tokens: every job can ask GitLab for a fresh token.
 */
export function gitlabPreset(options: PresetOptions): IssuerPreset {
  const namespaceId = requiredPresetOption("gitlab", "--namespace-id <id>", options.namespaceId);
  // GitLab's `ref` is the bare name (its `ref_path` is the full ref): a full ref would never match.
  if (options.ref?.startsWith("refs/")) {
    throw new UsageError("--ref must be a branch or tag name as GitLab writes it, e.g. main or release/*");
  }
  const when: Record<string, TrustConditionWire> = {
    namespace_id: { eq: namespaceId },
    ...(options.projectId === undefined ? {} : { project_id: { eq: options.projectId } }),
    ...(options.ref === undefined ? {} : { ref: { glob: options.ref } }),
    ...(options.refProtected ? { ref_protected: { eq: "true" } } : {}),
  };
  return {
    issuer: GITLAB_ISSUER,
    keys: "discovery",
    rules: [{ name: "gitlab-ci", when, refresh_tokens: false }],
  };
}
