import { open } from "node:fs/promises";
import { CliError } from "../cli-error.js";
import { readFailure } from "./read-file.js";

/** How an input is named in messages: its path, or `standard input` for `-`. */
export const inputName = (path: string): string => (path === "-" ? "standard input" : path);

async function readBounded(
  chunks: AsyncIterable<Uint8Array>,
  name: string,
  maxBytes: number,
): Promise<string> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new CliError(`${name} is larger than ${maxBytes} bytes`);
    parts.push(chunk);
  }
  return Buffer.concat(parts).toString("utf8");
}

/**
 * The text of a file, or of standard input for `-`, refused past `maxBytes` without reading the rest: the
 * input goes to the server, which refuses far less than any file this could be given.
 */
export async function readInput(path: string, maxBytes: number): Promise<string> {
  if (path === "-") return readBounded(process.stdin, inputName(path), maxBytes);
  let file: Awaited<ReturnType<typeof open>>;
  try {
    file = await open(path, "r");
  } catch (error) {
    throw new CliError(readFailure(path, error));
  }
  try {
    return await readBounded(file.createReadStream({ autoClose: false }), path, maxBytes);
  } catch (error) {
    throw error instanceof CliError ? error : new CliError(readFailure(path, error));
  } finally {
    await file.close();
  }
}
