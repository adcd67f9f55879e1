import { recordAdminChange } from "../admin-audit/record-admin-change.js";
import { signingKeySnapshot } from "../admin-audit/signing-key-snapshot.js";
import type { AdminActor } from "../domain/admin-actor.js";
import type { PublicJwkSet } from "../domain/jwk.js";
import type { SigningKey } from "../domain/signing-key.js";
import type { EngineContext } from "../engine/context.js";
import { generateSigningKey } from "./generate-signing-key.js";

/** The key that signs new tokens, created on the very first call against an empty store. */
export async function activeSigningKey(ctx: EngineContext): Promise<SigningKey> {
  const active = await ctx.storage.signingKeys.findActive();
  if (active !== null) return active;
  const candidate = await generateSigningKey(ctx.settings.signingAlgorithm, ctx.clock.now());
  return ctx.storage.signingKeys.activateInitial(candidate);
}

/** Keys whose tokens may still be valid: the active key and retired keys still within `publishUntil`. */
export async function publishedSigningKeys(ctx: EngineContext): Promise<SigningKey[]> {
  const now = ctx.clock.now();
  const keys = await ctx.storage.signingKeys.list();
  return keys.filter(
    (key) => key.status === "active" || (key.publishUntil !== null && now < key.publishUntil),
  );
}

/** The server's public JWK Set (RFC 7517) for resource servers. */
export async function publishJwks(ctx: EngineContext): Promise<PublicJwkSet> {
  return { keys: (await publishedSigningKeys(ctx)).map((key) => key.publicJwk) };
}

/** When the key now active retires, its tokens must stay verifiable: the longest access token lifetime any
 * client has, plus the clock skew. */
async function retiredPublishUntil(ctx: EngineContext, now: Date): Promise<Date> {
  const clients = await ctx.storage.clients.list();
  const longestTtl = Math.max(
    ctx.settings.accessTokenTtlSeconds,
    ...clients.map((c) => c.accessTokenTtl ?? 0),
  );
  return new Date(now.getTime() + (longestTtl + ctx.settings.clockSkewSeconds) * 1000);
}

/**
 * Makes a new active key; the old one keeps being published until every token it signed has expired,
 * which is the longest access token lifetime any client has, plus the clock skew. The audit record's
 * `before` is the active key that was, its `after` the new one.
 */
export async function rotateSigningKey(ctx: EngineContext, actor: AdminActor): Promise<SigningKey> {
  const now = ctx.clock.now();
  const previous = await activeSigningKey(ctx);
  const publishUntil = await retiredPublishUntil(ctx, now);
  const next = await generateSigningKey(ctx.settings.signingAlgorithm, now);
  await ctx.storage.signingKeys.rotate(next, publishUntil);
  await recordAdminChange(
    ctx,
    actor,
    "signing_key.rotate",
    next.kid,
    signingKeySnapshot(previous),
    signingKeySnapshot(next),
  );
  return next;
}

const SCHEDULED_ROTATION: AdminActor = { kind: "server", task: "key_rotation_schedule" };

/**
 * Rotates the signing key if the active one is at least `maxAgeSeconds` old; resolves the new key, or `null`
 * when none was due or another instance rotated first. Instances sharing a store all calling this make one
 * rotation per period: each rotates only from the key it saw active.
 */
export async function rotateSigningKeyIfDue(
  ctx: EngineContext,
  maxAgeSeconds: number,
): Promise<SigningKey | null> {
  const now = ctx.clock.now();
  const active = await activeSigningKey(ctx);
  if (now.getTime() - active.createdAt.getTime() < maxAgeSeconds * 1000) return null;
  const next = await generateSigningKey(ctx.settings.signingAlgorithm, now);
  const rotated = await ctx.storage.signingKeys.rotateFrom(
    active.kid,
    next,
    await retiredPublishUntil(ctx, now),
  );
  if (!rotated) return null;
  await recordAdminChange(
    ctx,
    SCHEDULED_ROTATION,
    "signing_key.rotate",
    next.kid,
    signingKeySnapshot(active),
    signingKeySnapshot(next),
  );
  return next;
}
