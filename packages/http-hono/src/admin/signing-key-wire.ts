import type { SigningKeyView } from "@jwtgrant/core";
import type { SigningKeyWire } from "./signing-key-schemas.js";

/** Built from the view, which has no private half, so no path can put `d` on the wire. */
export function signingKeyToWire(key: SigningKeyView): SigningKeyWire {
  return {
    kid: key.kid,
    alg: key.alg,
    status: key.status,
    created_at: key.createdAt.toISOString(),
    publish_until: key.publishUntil === null ? null : key.publishUntil.toISOString(),
    public_jwk: { ...key.publicJwk },
  };
}
