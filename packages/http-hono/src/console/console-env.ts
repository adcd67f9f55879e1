import type { ConsoleSession } from "./session-signer.js";

export type ConsoleEnv = { Variables: { session: ConsoleSession } };

export const CONSOLE_BASE = "/console";
export const SESSION_COOKIE = "jwtgrant_console";
