import { parse, YAMLParseError } from "yaml";
import { CliError } from "../cli-error.js";
import { readTextFile } from "../files/read-file.js";

/** Far above any real document; a bound on what an untrusted file may make the parser do. */
const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

/**
 * A trust document's parsed value from a YAML or JSON file (YAML reads JSON too, and refuses a key repeated
 * within one object, which `JSON.parse` would silently drop).
 */
export async function readTrustFile(path: string): Promise<unknown> {
  const text = await readTextFile(path);
  if (text.length > MAX_DOCUMENT_BYTES)
    throw new CliError(`${path}: larger than ${MAX_DOCUMENT_BYTES} bytes`);
  try {
    return parse(text, { uniqueKeys: true, maxAliasCount: 100, prettyErrors: false });
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const line = text.slice(0, error.pos[0]).split("\n").length;
    throw new CliError(`${path}:${line}: ${error.message.split("\n")[0]}`);
  }
}
