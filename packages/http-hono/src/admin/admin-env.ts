import type { AdminActor } from "@jwtgrant/core";

/** The admin API's context: who presented the request's credential, for the audit log. */
export type AdminEnv = { Variables: { adminActor: AdminActor } };
