import type { Client } from "../domain/client.js";
import type { EngineSettings } from "../engine/settings.js";

/** An access token's lifetime: the client's (or the server's), capped by the trust rule that granted it. */
export function accessTokenTtl(
  settings: EngineSettings,
  client: Client | null,
  ruleCap: number | null,
): number {
  const base = client?.accessTokenTtl ?? settings.accessTokenTtlSeconds;
  return Math.min(base, ruleCap ?? base);
}
