import type { JsonObjectValue } from "../domain/json-value.js";
import type { SigningKey } from "../domain/signing-key.js";
import { publicJwkMembers } from "../wire/public-jwk-members.js";

/** A signing key as the admin API shows it, for the audit log: its public half only. */
export function signingKeySnapshot(key: Omit<SigningKey, "privateJwk">): JsonObjectValue {
  return {
    kid: key.kid,
    alg: key.alg,
    status: key.status,
    created_at: key.createdAt.toISOString(),
    publish_until: key.publishUntil === null ? null : key.publishUntil.toISOString(),
    public_jwk: publicJwkMembers(key.publicJwk),
  };
}
