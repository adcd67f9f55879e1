import type { TrustRuleWire } from "@jwtgrant/core";

/** What a preset writes on an issuer: its rules, and the settings that go with them. */
export interface IssuerPreset {
  /** The `iss` the platform's tokens carry, used unless `--issuer` names another; absent: `--issuer` is required. */
  readonly issuer?: string;
  /**
   * The key source when a new issuer is given none: `discovery` (the platform publishes OpenID Provider
   * metadata at its issuer), or `required` (only the operator knows where the keys are).
   */
  readonly keys: "discovery" | "required";
  readonly rules: readonly TrustRuleWire[];
  /** Set for workload tokens that are reused by design until they expire. */
  readonly assertionReuse?: "allowed";
}

/** The options of every preset, parsed; each preset reads its own and refuses to be given another's. */
export interface PresetOptions {
  readonly ownerId?: string;
  readonly repositoryId?: string;
  readonly ref?: string;
  readonly environment?: string;
  readonly workflowRef?: string;
  readonly jobWorkflowRef?: string;
  readonly namespaceId?: string;
  readonly projectId?: string;
  readonly refProtected?: true;
  readonly namespace?: string;
  readonly serviceAccount?: string;
  readonly trustDomain?: string;
  readonly pathPrefix?: string;
}
