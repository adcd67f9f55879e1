import { createLocalJWKSet, decodeJwt, type JSONWebKeySet, type JWTPayload, jwtVerify } from "jose";
import { expect } from "vitest";
import type { ActorClaim } from "../domain/actor-claim.js";
import type { PublicJwkSet } from "../domain/jwk.js";
import type { TokenResponse } from "../domain/token-response.js";
import { ACCESS_TOKEN_TYPE } from "../tokens/issue-access-token.js";
import { REFRESH_TOKEN_PREFIX } from "../tokens/refresh-token-value.js";

/** What a successful grant must have handed out, down to the access token's claims. */
export interface ExpectedTokenResponse {
  /** The server's published keys; the access token must verify against one of them. */
  readonly jwks: PublicJwkSet;
  /** The server's issuer identifier (`iss`). */
  readonly issuer: string;
  /** The access token's `aud`; defaults to `issuer`, as the engine's does. */
  readonly audience?: string | readonly string[];
  /** The response's `resource` (RFC 8707); absent from the response when undefined. */
  readonly resource?: string | readonly string[];
  /** The response's `issued_token_type` (RFC 8693); absent when undefined. */
  readonly issuedTokenType?: string;
  /** The access token's `act` claim (RFC 8693 §4.1); absent when undefined. */
  readonly act?: ActorClaim;
  readonly subject: string;
  readonly clientId: string;
  /** The `iss` of the assertion the grant rests on (`assertion_iss`). */
  readonly assertionIssuer: string;
  /** The granted scope; absent from the response and the token when undefined. */
  readonly scope: string | undefined;
  /** Whether a refresh token must be present (true) or absent (false). */
  readonly refreshToken: boolean;
  /** The access token lifetime in seconds (`expires_in`, and `exp - iat`); any positive integer when undefined. */
  readonly expiresInSeconds?: number;
  /** The issuing time (`iat`); checked when given, else the token's own `iat` is the verification time. */
  readonly issuedAt?: Date;
  /** Claims a trust rule mapped into the access token; none when undefined. */
  readonly claims?: Readonly<Record<string, unknown>>;
}

/** The response and its verified access token claims, for assertions beyond the shape. */
export interface CheckedTokenResponse {
  readonly accessToken: string;
  readonly refreshToken: string | undefined;
  readonly claims: JWTPayload;
}

interface Normalised {
  readonly issuedTokenType: unknown;
  readonly resource: unknown;
  readonly accessToken: unknown;
  readonly tokenType: unknown;
  readonly expiresIn: unknown;
  readonly scope: unknown;
  readonly refreshToken: unknown;
}

const WIRE_KEYS = [
  "access_token",
  "token_type",
  "expires_in",
  "scope",
  "refresh_token",
  "resource",
  "issued_token_type",
] as const;
const ENGINE_KEYS = [
  "accessToken",
  "tokenType",
  "expiresIn",
  "scope",
  "refreshToken",
  "resource",
  "issuedTokenType",
] as const;

/** Reads either the engine's camelCase response or the RFC 6749 §5.1 JSON body, checking its exact key set. */
function normalise(response: unknown, expected: ExpectedTokenResponse): Normalised {
  expect(response).toBeTypeOf("object");
  const record = response as Record<string, unknown>;
  const names = "access_token" in record ? WIRE_KEYS : ENGINE_KEYS;
  const [access, type, expiresIn, scope, refresh, resource, issuedType] = names;
  const keys: string[] = [access, type, expiresIn];
  if (expected.scope !== undefined) keys.push(scope);
  if (expected.refreshToken) keys.push(refresh);
  if (expected.resource !== undefined) keys.push(resource);
  if (expected.issuedTokenType !== undefined) keys.push(issuedType);
  expect(Object.keys(record).sort()).toStrictEqual(keys.sort());
  return {
    accessToken: record[access],
    tokenType: record[type],
    expiresIn: record[expiresIn],
    scope: record[scope],
    refreshToken: record[refresh],
    resource: record[resource],
    issuedTokenType: record[issuedType],
  };
}

/**
 * Asserts a successful token response exactly: its key set (`scope` and `refresh_token` present or absent as
 * expected), `token_type: "Bearer"`, an integer `expires_in`, and an access token that verifies against
 * `jwks` as an RFC 9068 `at+jwt` carrying exactly the claims the engine issues. Accepts the engine's
 * `TokenResponse` (or the promise of one) or the parsed JSON body of the token endpoint.
 */
/** 256 random bits in unpadded base64url. */
const REFRESH_TOKEN_RANDOM_PART = /^[\w-]{43}$/;

export async function expectTokenResponse(
  response: TokenResponse | Promise<TokenResponse> | Record<string, unknown>,
  expected: ExpectedTokenResponse,
): Promise<CheckedTokenResponse> {
  const body = normalise(await response, expected);
  expect(body.tokenType).toBe("Bearer");
  expect(body.accessToken).toBeTypeOf("string");
  expect(Number.isInteger(body.expiresIn) && (body.expiresIn as number) > 0).toBe(true);
  if (expected.expiresInSeconds !== undefined) expect(body.expiresIn).toBe(expected.expiresInSeconds);
  expect(body.scope).toBe(expected.scope);
  expect(body.resource).toStrictEqual(expected.resource);
  expect(body.issuedTokenType).toBe(expected.issuedTokenType);
  if (expected.refreshToken) {
    expect(body.refreshToken).toBeTypeOf("string");
    const refreshToken = body.refreshToken as string;
    expect(refreshToken.slice(0, REFRESH_TOKEN_PREFIX.length)).toBe(REFRESH_TOKEN_PREFIX);
    expect(refreshToken.slice(REFRESH_TOKEN_PREFIX.length)).toMatch(REFRESH_TOKEN_RANDOM_PART);
  }

  const accessToken = body.accessToken as string;
  const audience = expected.audience ?? expected.issuer;
  const iat =
    expected.issuedAt === undefined ? decodeJwt(accessToken).iat : expected.issuedAt.getTime() / 1000;
  const { payload } = await jwtVerify(
    accessToken,
    createLocalJWKSet(structuredClone(expected.jwks) as JSONWebKeySet),
    {
      typ: ACCESS_TOKEN_TYPE,
      issuer: expected.issuer,
      audience: typeof audience === "string" ? audience : [...audience],
      subject: expected.subject,
      ...(iat === undefined ? {} : { currentDate: new Date(iat * 1000) }),
    },
  );
  const issuedAt =
    expected.issuedAt === undefined ? payload.iat : Math.floor(expected.issuedAt.getTime() / 1000);
  expect(payload).toStrictEqual({
    ...expected.claims,
    iss: expected.issuer,
    sub: expected.subject,
    aud: audience,
    client_id: expected.clientId,
    ...(expected.scope === undefined ? {} : { scope: expected.scope }),
    jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
    iat: issuedAt,
    exp: (issuedAt ?? Number.NaN) + (body.expiresIn as number),
    assertion_iss: expected.assertionIssuer,
    ...(expected.act === undefined ? {} : { act: expected.act }),
  });
  return {
    accessToken,
    refreshToken: expected.refreshToken ? (body.refreshToken as string) : undefined,
    claims: payload,
  };
}
