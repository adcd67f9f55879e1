import { type AdminActor, sha256 } from "@jwtgrant/core";
import type { ConsoleSession } from "./session-signer.js";

/** Enough of the digest to tell sessions apart in the audit log. */
const FINGERPRINT_LENGTH = 16;

/**
 * The console session as the audit log names it: a fingerprint of its id, so that the log, which outlives
 * the session, is no list of session ids.
 */
export async function consoleActor(session: ConsoleSession): Promise<AdminActor> {
  return { kind: "console", session: (await sha256(session.id)).slice(0, FINGERPRINT_LENGTH) };
}
