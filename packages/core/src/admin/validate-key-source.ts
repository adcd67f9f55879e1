import { type AsymmetricAlgorithm, isAsymmetricAlgorithm } from "../domain/algorithms.js";
import type { PublicJwk } from "../domain/jwk.js";
import type { KeySource } from "../domain/trusted-issuer.js";
import { invalidRequest } from "../errors/oauth-error.js";
import { certificateToJwk } from "../keys/certificate-to-jwk.js";
import { discoveryIssuerProblem } from "../keys/discovery-issuer-problem.js";
import { jwksUriProblem } from "../keys/jwks-uri-problem.js";
import { parsePublicJwk } from "../keys/parse-public-jwk.js";
import { fieldError, textField } from "./field-error.js";

export interface KeySourceInput {
  readonly certificate?: string | undefined;
  readonly jwks?: unknown;
  readonly jwksUri?: string | undefined;
  /** `true`: the keys are found through the issuer's OpenID Provider metadata (issuers only). */
  readonly discovery?: boolean | undefined;
}

export function hasKeySource(input: KeySourceInput): boolean {
  return (
    input.certificate !== undefined ||
    input.jwks !== undefined ||
    input.jwksUri !== undefined ||
    input.discovery === true
  );
}

/** Which key sources an owner may register: issuers all four, private_key_jwt clients a JWK Set only. */
export type KeySourceOwner = "issuer" | "client";

/**
 * Exactly one key source, with its key material checked: the PEM parses to a supported public key, every
 * JWK is public (a `d` member is refused) and supported, the JWKS URI is https (or loopback http).
 * Resolves the source and, when they are known without fetching, its keys.
 */
export async function validateKeySource(
  input: KeySourceInput,
  owner: KeySourceOwner,
  issuer = "",
): Promise<{ source: KeySource; keys: readonly PublicJwk[] | null }> {
  const allowCertificate = owner === "issuer";
  const discovery = input.discovery === true ? true : undefined;
  const given = [input.certificate, input.jwks, input.jwksUri, discovery].filter(
    (value) => value !== undefined,
  ).length;
  const names = allowCertificate ? "certificate, jwks, jwks_uri or discovery" : "jwks or jwks_uri";
  if (given !== 1) {
    // A problem of the combination, not of one field: no field path.
    throw invalidRequest(`${names}: exactly one of ${names} is required`, { reason: "invalid_field" });
  }
  if (input.certificate !== undefined) {
    if (!allowCertificate) throw fieldError("certificate", "not accepted here");
    try {
      const key = await certificateToJwk(input.certificate);
      return { source: { kind: "certificate", certificate: input.certificate.trim() }, keys: [key] };
    } catch (error) {
      throw fieldError("certificate", error instanceof Error ? error.message : "does not parse");
    }
  }
  if (discovery !== undefined) {
    if (owner !== "issuer") throw fieldError("discovery", "not accepted here");
    return { source: discoveryKeySource(issuer), keys: null };
  }
  if (input.jwksUri !== undefined) {
    const problem = jwksUriProblem(textField("jwks_uri", input.jwksUri));
    if (problem !== null) throw fieldError("jwks_uri", problem);
    return { source: { kind: "jwks_uri", jwksUri: input.jwksUri }, keys: null };
  }
  const keys = (input.jwks as { keys?: unknown } | null)?.keys;
  if (typeof input.jwks !== "object" || !Array.isArray(keys) || keys.length === 0) {
    throw fieldError("jwks", 'must be a JWK Set: {"keys": [ … ]} with at least one key');
  }
  const parsed = keys.map((key: unknown, index) => {
    const result = parsePublicJwk(key);
    if (!result.ok) throw fieldError(["jwks", "keys", index], result.problem);
    return result.key;
  });
  return { source: { kind: "jwks", jwks: { keys: parsed } }, keys: parsed };
}

/** Discovery for `issuer`, whose identifier must be a URL its metadata may be fetched from. */
export function discoveryKeySource(issuer: string): KeySource {
  const problem = discoveryIssuerProblem(issuer);
  if (problem !== null) {
    throw fieldError("discovery", `needs an issuer identifier its metadata can be fetched from: ${problem}`);
  }
  return { kind: "discovery", issuer };
}

/** An explicit algorithm allow-list: asymmetric algorithms only, each once. */
export function validateAlgorithms(algorithms: readonly string[]): AsymmetricAlgorithm[] {
  if (algorithms.length === 0) throw fieldError("algorithms", "must name at least one algorithm");
  const valid = algorithms.map((alg) => {
    if (!isAsymmetricAlgorithm(alg)) {
      throw fieldError("algorithms", `${alg} is not an accepted asymmetric JWS algorithm`);
    }
    return alg;
  });
  return [...new Set(valid)];
}

/** The keys of a stored key source, when they are known without fetching; `null` for a JWKS URI or discovery. */
export async function storedKeysOf(source: KeySource): Promise<readonly PublicJwk[] | null> {
  switch (source.kind) {
    case "certificate":
      try {
        return [await certificateToJwk(source.certificate)];
      } catch (error) {
        throw fieldError("certificate", error instanceof Error ? error.message : "does not parse");
      }
    case "jwks":
      return source.jwks.keys;
    case "jwks_uri":
    case "discovery":
      return null;
  }
}
