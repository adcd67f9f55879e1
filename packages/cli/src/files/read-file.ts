import { readFile } from "node:fs/promises";
import { CliError } from "../cli-error.js";

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EISDIR: "it is a directory",
};

/** Why a file could not be read, in a few words. */
export function readFailure(path: string, error: unknown): string {
  const code = error instanceof Error && "code" in error ? String(error.code) : undefined;
  return `cannot read ${path}: ${(code && REASONS[code]) ?? String(error)}`;
}

export async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new CliError(readFailure(path, error));
  }
}

export async function readJsonFile(path: string): Promise<unknown> {
  const text = await readTextFile(path);
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(`${path} is not valid JSON`);
  }
}
