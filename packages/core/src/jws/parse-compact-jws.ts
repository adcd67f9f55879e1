import { base64url } from "jose";
import { invalidGrant } from "../errors/oauth-error.js";
import type { CompactJws } from "../ports/jws-crypto.js";

export type JsonObject = Readonly<Record<string, unknown>>;

/** A compact JWS split and decoded, not yet verified. */
export interface ParsedJws {
  readonly parts: CompactJws;
  readonly header: JsonObject;
  readonly claims: JsonObject;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const UTF8 = new TextDecoder("utf-8", { fatal: true });

const malformed = (description: string, detail?: string) =>
  invalidGrant(description, { reason: "assertion_malformed", ...(detail === undefined ? {} : { detail }) });

function decodeJsonObject(segment: string, what: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(UTF8.decode(base64url.decode(segment)));
  } catch {
    throw malformed(`the ${what} is not base64url-encoded JSON`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw malformed(`the ${what} is not a JSON object`);
  }
  return value as JsonObject;
}

/**
 * Splits a JWT in JWS compact serialization and decodes its header and claims. Refuses, as `invalid_grant`,
 * anything over `maxBytes`, a JWE, and every malformed shape, before any key or storage is touched.
 */
export function parseCompactJws(token: string, maxBytes: number): ParsedJws {
  if (token.length > maxBytes) {
    throw invalidGrant(`the assertion exceeds ${maxBytes} bytes`, { reason: "assertion_too_large" });
  }
  const segments = token.split(".");
  if (segments.length === 5) {
    throw invalidGrant("encrypted assertions (JWE) are not accepted; send a signed JWT", {
      reason: "assertion_encrypted",
    });
  }
  const [protectedHeader, payload, signature] = segments;
  if (
    segments.length !== 3 ||
    protectedHeader === undefined ||
    payload === undefined ||
    signature === undefined
  ) {
    throw malformed("the assertion is not a JWT in JWS compact serialization", `${segments.length} segments`);
  }
  if (![protectedHeader, payload, signature].every((segment) => BASE64URL.test(segment))) {
    throw malformed("the assertion is not a JWT in JWS compact serialization", "a segment is not base64url");
  }
  return {
    parts: { protectedHeader, payload, signature },
    header: decodeJsonObject(protectedHeader, "JOSE header"),
    claims: decodeJsonObject(payload, "claims set"),
  };
}
