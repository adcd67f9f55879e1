import { existsSync, readFileSync } from "node:fs";
import dotenv from "dotenv";

/** The process environment over the values of a `.env` file in the working directory, if there is one. */
export function readEnvironment(
  env: NodeJS.ProcessEnv,
  envFile = ".env",
): Record<string, string | undefined> {
  const fromFile = existsSync(envFile) ? dotenv.parse(readFileSync(envFile, "utf8")) : {};
  return { ...fromFile, ...env };
}
