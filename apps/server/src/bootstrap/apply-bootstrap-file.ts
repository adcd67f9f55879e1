import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import {
  applyTrustPlan,
  type Engine,
  engineTrustTarget,
  OAuthError,
  parseTrustDocument,
  planTrust,
  type ReadSecret,
  readTrustState,
  TrustApplyError,
  type TrustDocument,
} from "@jwtgrant/core";
import { parse } from "yaml";
import { ConfigError } from "../config/config-error.js";

const VARIABLE = "JWTGRANT_BOOTSTRAP_FILE";
/** Far above any real document; a bound on what the parser is given. */
const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

function failure(path: string, problem: string): ConfigError {
  return new ConfigError(`${VARIABLE}: ${path}: ${problem}`);
}

function reason(error: unknown): string {
  const code = error instanceof Error && "code" in error ? String(error.code) : undefined;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES") return "permission denied";
  return error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
}

/** The document, read and validated before anything is written; any problem is one line naming its path. */
export async function readBootstrapDocument(path: string): Promise<TrustDocument> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw failure(path, reason(error));
  }
  if (text.length > MAX_DOCUMENT_BYTES) throw failure(path, `larger than ${MAX_DOCUMENT_BYTES} bytes`);
  let value: unknown;
  try {
    value = parse(text, { uniqueKeys: true, maxAliasCount: 100, prettyErrors: false });
  } catch (error) {
    throw failure(path, reason(error));
  }
  try {
    return parseTrustDocument(value);
  } catch (error) {
    if (error instanceof OAuthError) throw failure(path, error.description);
    throw error;
  }
}

/** Secrets from a file beside the document, or from the server's environment. */
function readSecret(path: string, env: Readonly<Record<string, string | undefined>>): ReadSecret {
  return async (source) => {
    if ("env" in source) {
      const value = env[source.env];
      if (value === undefined || value === "")
        throw new Error(`environment variable ${source.env} is not set`);
      return value;
    }
    const file = resolve(dirname(path), source.file);
    try {
      return (await readFile(file, "utf8")).replace(/\r?\n$/, "");
    } catch (error) {
      throw new Error(`cannot read ${file}: ${reason(error)}`);
    }
  };
}

/**
 * Makes the server hold what the document declares: creates and updates, never deletes. Idempotent, so every
 * start may run it; the caller runs it under the migrations' lock, so instances starting together apply it
 * once. Resolves how many changes were made.
 */
export async function applyBootstrapDocument(
  engine: Engine,
  path: string,
  document: TrustDocument,
  env: Readonly<Record<string, string | undefined>>,
): Promise<number> {
  const plan = planTrust(document, await readTrustState(engine), { prune: false });
  try {
    await applyTrustPlan(
      plan,
      engineTrustTarget(engine, { kind: "server", task: "bootstrap_file" }),
      readSecret(path, env),
    );
  } catch (error) {
    if (error instanceof TrustApplyError) throw failure(path, error.message);
    throw error;
  }
  return plan.changes.length;
}
