import { OAuthError, parseTrustDocument, type TrustDocument } from "@jwtgrant/core";
import { CliError } from "../cli-error.js";
import { readTrustFile } from "./read-trust-file.js";

/** A document file read and validated; a refusal is one line naming the file and the field's path. */
export async function loadTrustDocument(path: string): Promise<TrustDocument> {
  const value = await readTrustFile(path);
  try {
    return parseTrustDocument(value);
  } catch (error) {
    if (error instanceof OAuthError) throw new CliError(`${path}: ${error.description}`);
    throw error;
  }
}
