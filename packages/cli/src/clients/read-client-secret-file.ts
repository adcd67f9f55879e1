import { readTextFile } from "../files/read-file.js";

/**
 * A client secret kept in a file, as `echo "$SECRET" > file` writes it: one trailing newline (LF or CRLF) is
 * the file's, not the secret's; anything else is the secret's, for the server to judge.
 */
export async function readClientSecretFile(path: string): Promise<string> {
  const text = await readTextFile(path);
  if (text.endsWith("\r\n")) return text.slice(0, -2);
  return text.endsWith("\n") ? text.slice(0, -1) : text;
}
