import type { ConsoleSession } from "./session-signer.js";

export type ConsoleEnv = { Variables: { session: ConsoleSession } };

export const CONSOLE_BASE = "/console";
export const SESSION_COOKIE = "jwtgrant_console";
/** The sealed one-time secret shown after a client is added or its secret rotated. */
export const FLASH_COOKIE = "jwtgrant_flash";
