import { UsageError } from "../usage-error.js";
import { githubActionsPreset } from "./github-actions-preset.js";
import { gitlabPreset } from "./gitlab-preset.js";
import type { IssuerPreset, PresetOptions } from "./issuer-preset.js";
import { kubernetesPreset } from "./kubernetes-preset.js";
import { spiffePreset } from "./spiffe-preset.js";

type PresetOption = keyof PresetOptions;

interface PresetDefinition {
  readonly build: (options: PresetOptions) => IssuerPreset;
  readonly options: readonly PresetOption[];
}

export const PRESET_NAMES = ["github-actions", "gitlab", "kubernetes", "spiffe"] as const;

export type PresetName = (typeof PRESET_NAMES)[number];

const PRESETS: Readonly<Record<PresetName, PresetDefinition>> = {
  "github-actions": {
    build: githubActionsPreset,
    options: ["ownerId", "repositoryId", "ref", "environment", "workflowRef", "jobWorkflowRef"],
  },
  gitlab: { build: gitlabPreset, options: ["namespaceId", "projectId", "ref", "refProtected"] },
  kubernetes: { build: kubernetesPreset, options: ["namespace", "serviceAccount"] },
  spiffe: { build: spiffePreset, options: ["trustDomain", "pathPrefix"] },
};

/** `--owner-id` for `ownerId`: how an option is written on the command line. */
const flag = (option: PresetOption): string =>
  `--${option.replace(/[A-Z]/g, (upper) => `-${upper.toLowerCase()}`)}`;

const PRESET_OPTIONS: readonly PresetOption[] = [
  ...new Set(PRESET_NAMES.flatMap((name) => PRESETS[name].options)),
];

/** The preset options on a command line; `options` may hold the command's other options too. */
const given = (options: PresetOptions): PresetOption[] =>
  PRESET_OPTIONS.filter((option) => options[option] !== undefined);

/**
 * The rules and settings of `--preset <name>` from its options. An option of another preset, or a preset
 * option without `--preset`, is a usage error rather than silently left out of the rules.
 */
export function buildPreset(name: PresetName | undefined, options: PresetOptions): IssuerPreset | null {
  if (name === undefined) {
    const [stray] = given(options);
    if (stray === undefined) return null;
    const owners = PRESET_NAMES.filter((preset) => PRESETS[preset].options.includes(stray));
    throw new UsageError(`${flag(stray)} belongs to --preset ${owners.join(" or ")}`);
  }
  const preset = PRESETS[name];
  const foreign = given(options).find((option) => !preset.options.includes(option));
  if (foreign !== undefined) throw new UsageError(`${flag(foreign)} is not an option of --preset ${name}`);
  return preset.build(options);
}
