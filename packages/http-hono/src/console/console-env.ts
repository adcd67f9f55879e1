import type { AdminActor } from "@jwtgrant/core";
import type { ConsoleSession } from "./session-signer.js";

/** The signed-in session, and the actor the audit log attributes its changes to. */
export type ConsoleEnv = { Variables: { session: ConsoleSession; actor: AdminActor } };

export const CONSOLE_BASE = "/console";
export const SESSION_COOKIE = "jwtgrant_console";
/** The sealed one-time secret shown after a client is added or its secret rotated. */
export const FLASH_COOKIE = "jwtgrant_flash";
