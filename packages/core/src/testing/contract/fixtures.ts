import { type Client, JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT } from "../../domain/client.js";
import type { EcPublicJwk, PrivateJwk } from "../../domain/jwk.js";
import type { RefreshTokenRecord } from "../../domain/refresh-token.js";
import type { SigningKey } from "../../domain/signing-key.js";
import type { TrustedIssuer } from "../../domain/trusted-issuer.js";

/** The instant the fixtures are built around; milliseconds are set so adapters must keep them. */
export const NOW = new Date("2025-06-01T12:00:00.123Z");

/** For records that must outlive any test run, whatever clock the adapter consults. */
export const FAR_FUTURE = new Date("2999-01-01T00:00:00.000Z");

export function minutesFrom(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

/** The ES256 example key of RFC 7515 appendix A.3: well-formed, so adapters that check JWK shape accept it. */
const EC_POINT = {
  kty: "EC",
  crv: "P-256",
  x: "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
  y: "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
} as const;

const ecPublicJwk: EcPublicJwk = { ...EC_POINT, kid: "idp-key-1", alg: "ES256", use: "sig" };

/** An issuer with every optional member set and nested arrays and objects in its key source and rules. */
export function trustedIssuerFixture(overrides: Partial<TrustedIssuer> = {}): TrustedIssuer {
  return {
    id: "ti-1",
    issuer: "https://idp.example.com",
    name: "Example IdP",
    keySource: { kind: "jwks", jwks: { keys: [ecPublicJwk, { ...ecPublicJwk, kid: "idp-key-2" }] } },
    algorithms: ["ES256", "PS256"],
    subjectRule: { kind: "listed", subjects: ["alice", "bob"] },
    scope: ["read", "write"],
    expiresAt: minutesFrom(NOW, 60 * 24 * 365),
    enabled: true,
    audiences: ["https://api.example.com/sts", "urn:example:sts"],
    assertionReuse: "allowed",
    maxAssertionLifetimeSeconds: 900,
    rules: [
      {
        name: "deploy",
        conditions: [
          { claim: "repository_owner_id", operator: "eq", value: "1342004", ignoreCase: false },
          { claim: "ref", operator: "glob", value: "refs/heads/*", ignoreCase: true },
          { claim: "/kubernetes.io/namespace", operator: "in", value: ["prod", 7, true], ignoreCase: false },
          { claim: "groups", operator: "contains", value: "deployers" },
          { claim: "environment", operator: "exists", value: false },
        ],
        scope: ["deploy:write"],
        subject: "gh:{repository_id}:{ref}",
        claims: [
          { target: "repository", source: "repository" },
          { target: "namespace", source: "/kubernetes.io/namespace" },
        ],
        accessTokenTtl: 900,
        refreshTokens: false,
      },
      {
        name: "read-only",
        conditions: [{ claim: "sub", operator: "eq", value: "svc-a", ignoreCase: false }],
        scope: null,
        subject: null,
        claims: [],
        accessTokenTtl: null,
        refreshTokens: true,
      },
    ],
    createdAt: new Date(NOW),
    updatedAt: minutesFrom(NOW, 5),
    ...overrides,
  };
}

/** An issuer with every nullable member `null`, keyed by a certificate. */
export function minimalTrustedIssuerFixture(overrides: Partial<TrustedIssuer> = {}): TrustedIssuer {
  return trustedIssuerFixture({
    id: "ti-minimal",
    issuer: "https://ci.example.org",
    name: null,
    keySource: {
      kind: "certificate",
      certificate: "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n",
    },
    algorithms: null,
    subjectRule: { kind: "any" },
    scope: null,
    expiresAt: null,
    enabled: false,
    audiences: [],
    assertionReuse: "single_use",
    maxAssertionLifetimeSeconds: null,
    rules: null,
    ...overrides,
  });
}

/** A `private_key_jwt` client with both grant types and nested key material. */
export function clientFixture(overrides: Partial<Client> = {}): Client {
  return {
    clientId: "client-1",
    clientName: "Example client",
    secretHash: null,
    authMethod: "private_key_jwt",
    grantTypes: [JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT],
    scope: ["read", "write", "admin"],
    keySource: { kind: "jwks", jwks: { keys: [ecPublicJwk] } },
    redirectUris: ["https://app.example.com/callback", "https://app.example.com/other"],
    resources: ["https://api.example.com/", "urn:example:ledger"],
    trustedIssuers: ["https://idp.example.com", "https://token.actions.githubusercontent.com"],
    accessTokenTtl: 600,
    refreshTokenTtl: 86_400,
    createdAt: new Date(NOW),
    updatedAt: minutesFrom(NOW, 5),
    ...overrides,
  };
}

/** A confidential client with a secret hash and the server's default lifetimes. */
export function secretClientFixture(overrides: Partial<Client> = {}): Client {
  return clientFixture({
    clientId: "client-secret",
    clientName: null,
    secretHash: "n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg",
    authMethod: "client_secret_basic",
    grantTypes: [JWT_BEARER_GRANT],
    scope: [],
    keySource: null,
    redirectUris: [],
    resources: [],
    trustedIssuers: null,
    accessTokenTtl: null,
    refreshTokenTtl: null,
    ...overrides,
  });
}

/** A signing key whose JWKs are well-formed but fake: storage never uses them for crypto. */
export function signingKeyFixture(kid: string, createdAt: Date = new Date(NOW)): SigningKey {
  const publicJwk: EcPublicJwk = { ...EC_POINT, kid, alg: "ES256", use: "sig" };
  const privateJwk: PrivateJwk = {
    ...EC_POINT,
    kid,
    alg: "ES256",
    use: "sig",
    d: "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI",
  };
  return { kid, alg: "ES256", privateJwk, publicJwk, status: "active", createdAt, publishUntil: null };
}

/** An active refresh token, valid for a day after `NOW`. */
export function refreshTokenFixture(overrides: Partial<RefreshTokenRecord> = {}): RefreshTokenRecord {
  return {
    tokenHash: "hash-1",
    familyId: "family-1",
    clientId: "client-1",
    subject: "alice",
    issuer: "https://idp.example.com",
    rule: "deploy",
    tokenSubject: "gh:42:refs/heads/main",
    claims: { zeta: { nested: [1, "two", null] }, alpha: "a", count: 2.5, flag: true },
    scope: ["read", "write"],
    resources: ["https://api.example.com/", "urn:example:ledger"],
    issuedAt: minutesFrom(NOW, -1),
    expiresAt: minutesFrom(NOW, 60 * 24),
    state: "active",
    ...overrides,
  };
}
