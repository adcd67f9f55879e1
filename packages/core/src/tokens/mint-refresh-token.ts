import type { Client } from "../domain/client.js";
import type { RefreshTokenRecord } from "../domain/refresh-token.js";
import type { EngineContext } from "../engine/context.js";
import { newRefreshToken } from "./refresh-token-value.js";

export interface RefreshTokenGrant {
  readonly client: Client;
  /** The assertion's `sub`. */
  readonly subject: string;
  readonly issuer: string;
  readonly rule: string | null;
  /** The access tokens' `sub`. */
  readonly tokenSubject: string;
  readonly claims: Readonly<Record<string, unknown>>;
  readonly scope: readonly string[];
  readonly resources: readonly string[];
  readonly familyId: string;
}

/** A new refresh token and the record that stores it (by hash), living the client's or the default TTL. */
export async function mintRefreshToken(
  ctx: EngineContext,
  grant: RefreshTokenGrant,
): Promise<{ token: string; record: RefreshTokenRecord }> {
  const token = newRefreshToken();
  const now = ctx.clock.now();
  const ttl = grant.client.refreshTokenTtl ?? ctx.settings.refreshTokenTtlSeconds;
  return {
    token,
    record: {
      tokenHash: await ctx.crypto.sha256(token),
      familyId: grant.familyId,
      clientId: grant.client.clientId,
      subject: grant.subject,
      issuer: grant.issuer,
      rule: grant.rule,
      tokenSubject: grant.tokenSubject,
      claims: grant.claims,
      scope: [...grant.scope],
      resources: [...grant.resources],
      issuedAt: now,
      expiresAt: new Date(now.getTime() + ttl * 1000),
      state: "active",
    },
  };
}
