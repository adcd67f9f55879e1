import type { PublicJwk } from "../domain/jwk.js";
import { isStorableText } from "../util/storable-text.js";
import { MIN_RSA_MODULUS_BITS, rsaModulusBits } from "./rsa-key-size.js";

/** Members that make a JWK private or symmetric; a trusted key must carry none of them. */
const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"] as const;

const EC_CURVES = ["P-256", "P-384", "P-521"] as const;

export type ParsedJwk =
  | { readonly ok: true; readonly key: PublicJwk }
  | { readonly ok: false; readonly problem: string };

/** Key material (`n`, `e`, `x`, `y`): unpadded base64url, as RFC 7518 §6 has it. */
const isBase64url = (value: unknown): value is string =>
  typeof value === "string" && /^[A-Za-z0-9_-]+$/.test(value);

/**
 * Checks that `value` is a public signature key of a supported type and returns it with only the members
 * the engine uses. Private or symmetric material is a problem, never silently dropped.
 */
export function parsePublicJwk(value: unknown): ParsedJwk {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, problem: "a JWK must be a JSON object" };
  }
  const jwk = value as Record<string, unknown>;
  const privateMember = PRIVATE_MEMBERS.find((member) => member in jwk);
  if (privateMember !== undefined) {
    return { ok: false, problem: `a JWK must be public: member "${privateMember}" is not allowed` };
  }
  const common = commonMembers(jwk);
  if (typeof common === "string") return { ok: false, problem: common };

  switch (jwk.kty) {
    case "RSA": {
      if (!isBase64url(jwk.n) || !isBase64url(jwk.e)) {
        return { ok: false, problem: "an RSA JWK needs n and e, base64url-encoded" };
      }
      if (rsaModulusBits(jwk.n) < MIN_RSA_MODULUS_BITS) {
        return { ok: false, problem: `an RSA key must have at least ${MIN_RSA_MODULUS_BITS} bits` };
      }
      return { ok: true, key: { kty: "RSA", n: jwk.n, e: jwk.e, ...common } };
    }
    case "EC": {
      const crv = EC_CURVES.find((curve) => curve === jwk.crv);
      if (crv === undefined || !isBase64url(jwk.x) || !isBase64url(jwk.y)) {
        return {
          ok: false,
          problem: "an EC JWK needs crv P-256, P-384 or P-521, and x and y base64url-encoded",
        };
      }
      return { ok: true, key: { kty: "EC", crv, x: jwk.x, y: jwk.y, ...common } };
    }
    case "OKP": {
      if (jwk.crv !== "Ed25519" || !isBase64url(jwk.x)) {
        return { ok: false, problem: "an OKP JWK needs crv Ed25519 and x base64url-encoded" };
      }
      return { ok: true, key: { kty: "OKP", crv: "Ed25519", x: jwk.x, ...common } };
    }
    default:
      return { ok: false, problem: "a JWK's kty must be RSA, EC or OKP" };
  }
}

interface CommonMembers {
  kid?: string;
  alg?: string;
  use?: string;
  key_ops?: readonly string[];
}

function commonMembers(jwk: Record<string, unknown>): CommonMembers | string {
  const common: CommonMembers = {};
  for (const member of ["kid", "alg", "use"] as const) {
    const value = jwk[member];
    if (value === undefined) continue;
    if (typeof value !== "string" || !isStorableText(value))
      return `a JWK's ${member} must be a string of text`;
    common[member] = value;
  }
  if (jwk.key_ops !== undefined) {
    if (
      !Array.isArray(jwk.key_ops) ||
      !jwk.key_ops.every((op) => typeof op === "string" && isStorableText(op))
    ) {
      return "a JWK's key_ops must be an array of strings";
    }
    common.key_ops = jwk.key_ops;
  }
  return common;
}
