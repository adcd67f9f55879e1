/** JWS algorithms an assertion may be signed with: asymmetric only, so a public key can never act as an HMAC secret. */
export const ASYMMETRIC_ALGORITHMS = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
] as const;

export type AsymmetricAlgorithm = (typeof ASYMMETRIC_ALGORITHMS)[number];

/** Algorithms the server can sign its own access tokens with. */
export const SIGNING_ALGORITHMS = ["ES256", "RS256", "EdDSA"] as const;

export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

export function isAsymmetricAlgorithm(value: unknown): value is AsymmetricAlgorithm {
  return typeof value === "string" && (ASYMMETRIC_ALGORITHMS as readonly string[]).includes(value);
}

export function isSigningAlgorithm(value: unknown): value is SigningAlgorithm {
  return typeof value === "string" && (SIGNING_ALGORITHMS as readonly string[]).includes(value);
}
