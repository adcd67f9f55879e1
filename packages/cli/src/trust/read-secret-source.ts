import { dirname, resolve } from "node:path";
import type { ReadSecret } from "@jwtgrant/core";
import { CliError } from "../cli-error.js";
import { readTextFile } from "../files/read-file.js";

/**
 * Reads secrets where a document says: a file, relative to the document's folder (a trailing line break
 * dropped), or an environment variable.
 */
export function readSecretSource(documentPath: string, env: NodeJS.ProcessEnv = process.env): ReadSecret {
  return async (source) => {
    if ("file" in source) {
      return (await readTextFile(resolve(dirname(documentPath), source.file))).replace(/\r?\n$/, "");
    }
    const value = env[source.env];
    if (value === undefined || value === "")
      throw new CliError(`environment variable ${source.env} is not set`);
    return value;
  };
}
