import { adminKeySnapshot } from "../admin-audit/admin-key-snapshot.js";
import { recordAdminChange } from "../admin-audit/record-admin-change.js";
import type { AdminActor } from "../domain/admin-actor.js";
import type { AdminKey, AdminKeyView, AdminKeyWithSecret } from "../domain/admin-key.js";
import type { EngineContext } from "../engine/context.js";
import { ConflictError } from "../errors/admin-errors.js";
import { ADMIN_KEY_PREFIX, newAdminKey } from "../tokens/admin-key-value.js";
import { fieldError } from "./field-error.js";
import { deleteOrNotFound, findOrNotFound } from "./record-by-id.js";

/** What the audit log names a key's holder by: short, and safe to print anywhere. */
const ADMIN_KEY_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/** Longer than any key this server makes; a longer presented value is not hashed or looked up. */
const MAX_PRESENTED_KEY_LENGTH = 128;

export interface AdminKeyInput {
  readonly name: string;
}

const toView = ({ keyHash: _hash, ...view }: AdminKey): AdminKeyView => view;

/** Makes a named admin key, returned in clear only here; revoke it by its id. */
export async function createAdminKey(
  ctx: EngineContext,
  actor: AdminActor,
  input: AdminKeyInput,
): Promise<AdminKeyWithSecret> {
  if (typeof input.name !== "string" || !ADMIN_KEY_NAME.test(input.name)) {
    throw fieldError(
      "name",
      "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
    );
  }
  const secret = newAdminKey();
  const key: AdminKey = {
    id: crypto.randomUUID(),
    name: input.name,
    keyHash: await ctx.crypto.sha256(secret),
    createdAt: ctx.clock.now(),
  };
  if ((await ctx.storage.adminKeys.insert(key)) === "duplicate") {
    throw new ConflictError(`an admin key named ${key.name} already exists`);
  }
  await recordAdminChange(ctx, actor, "admin_key.create", key.id, null, adminKeySnapshot(key));
  return { key: toView(key), secret };
}

export async function listAdminKeys(ctx: EngineContext): Promise<AdminKeyView[]> {
  return (await ctx.storage.adminKeys.list()).map(toView);
}

/** Revokes a key: the next request that presents it is refused, on every instance sharing the storage. */
export async function revokeAdminKey(ctx: EngineContext, actor: AdminActor, id: string): Promise<void> {
  const current = await findOrNotFound("admin key", id, (keyId) => ctx.storage.adminKeys.findById(keyId));
  await deleteOrNotFound("admin key", id, (keyId) => ctx.storage.adminKeys.delete(keyId));
  await recordAdminChange(ctx, actor, "admin_key.revoke", id, adminKeySnapshot(current), null);
}

/**
 * The holder of the admin key `presented`, or `null` when it is no key of this server's. Looked up by its
 * SHA-256, so the comparison is of digests; read from the storage each time, so a revocation holds at once.
 */
export async function authenticateAdminKey(
  ctx: EngineContext,
  presented: string,
): Promise<AdminActor | null> {
  if (!presented.startsWith(ADMIN_KEY_PREFIX) || presented.length > MAX_PRESENTED_KEY_LENGTH) return null;
  const key = await ctx.storage.adminKeys.findByHash(await ctx.crypto.sha256(presented));
  return key === null ? null : { kind: "api_key", id: key.id, name: key.name };
}
