import { readJsonFile, readTextFile } from "../files/read-file.js";
import type { IssuerPreset } from "../presets/issuer-preset.js";
import { UsageError } from "../usage-error.js";
import { type IssuerOptions, KEY_SOURCES } from "./issuer-options.js";
import { issuerRules } from "./issuer-rules.js";

/** Whether `issuers add` creates the issuer, or `issuers update` changes the fields given. */
export type IssuerBodyMode = "add" | "update";

/** One certificate file as `certificate`, several as `certificates`: the admin API's two key sources. */
async function certificates(files: readonly string[] | undefined): Promise<Record<string, unknown>> {
  if (files === undefined) return {};
  const pems = await Promise.all(files.map(readTextFile));
  return pems.length === 1 ? { certificate: pems[0] } : { certificates: pems };
}

/**
 * The issuer and its keys. A preset fills in what a new issuer lacks: the platform's issuer and discovery;
 * on an update it changes neither unless they are given, so re-applying a preset rewrites only the rules.
 */
async function identity(
  options: IssuerOptions,
  preset: IssuerPreset | null,
  mode: IssuerBodyMode,
): Promise<Record<string, unknown>> {
  const issuer = options.issuer ?? (mode === "add" ? preset?.issuer : undefined);
  const hasKeys = KEY_SOURCES.some((name) => options[name] !== undefined);
  if (mode === "add" && issuer === undefined) {
    throw new UsageError(
      options.preset === undefined
        ? "required option '--issuer <iss>' not specified"
        : `--preset ${options.preset} needs --issuer <iss>: the issuer its tokens carry`,
    );
  }
  if (mode === "add" && preset?.keys === "required" && !hasKeys) {
    throw new UsageError(
      `--preset ${options.preset} needs the issuer's keys: --jwks <file>, --discovery, --jwks-uri <url> or --certificate <file>`,
    );
  }
  const discovery = mode === "add" && preset?.keys === "discovery" && !hasKeys ? true : options.discovery;
  return {
    issuer,
    ...(await certificates(options.certificate)),
    jwks: options.jwks === undefined ? undefined : await readJsonFile(options.jwks),
    jwks_uri: options.jwksUri,
    discovery,
  };
}

/**
 * The admin API body (snake_case) of `issuers add` or `issuers update`, with the rules and settings of the
 * preset, if any; an option given explicitly wins over the preset's setting. Fields left out stay as they
 * are (JSON drops `undefined`).
 */
export async function issuerBody(
  options: IssuerOptions,
  preset: IssuerPreset | null,
  mode: IssuerBodyMode,
): Promise<Record<string, unknown>> {
  return {
    ...(await identity(options, preset, mode)),
    name: options.name,
    algorithms: options.algorithms,
    subjects: options.subject,
    allow_any_subject: options.anySubject,
    scope: options.scope,
    expires_at: options.expiresAt,
    enabled: options.disable ? false : options.enable,
    audiences: options.audiences === false ? null : options.audience,
    assertion_reuse: options.assertionReuse ?? preset?.assertionReuse,
    max_assertion_lifetime: options.maxAssertionLifetime,
    rules: await issuerRules(options, preset),
  };
}
