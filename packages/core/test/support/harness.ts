import type { ClientInput } from "../../src/admin/clients.js";
import type { TrustedIssuerInput } from "../../src/admin/trusted-issuers.js";
import { BOOTSTRAP_ADMIN } from "../../src/domain/admin-actor.js";
import type { AsymmetricAlgorithm } from "../../src/domain/algorithms.js";
import { JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT } from "../../src/domain/client.js";
import { createEngine, type EngineDependencies } from "../../src/engine/create-engine.js";
import type { EngineOptions } from "../../src/engine/settings.js";
import { createMemoryStorage } from "../../src/memory/memory-storage.js";
import { type ExpectedTokenResponse, expectTokenResponse } from "../../src/testing/expect-token-response.js";
import { createFrozenClock } from "../../src/testing/frozen-clock.js";
import { signTestJws } from "../../src/testing/sign-test-jws.js";
import { generateTestKey, type TestKey } from "../../src/testing/test-keys.js";

export const SERVER = "https://as.example.com";
export const TOKEN_ENDPOINT = `${SERVER}/oauth2/token`;
export const IDP = "https://idp.example.com";

export interface HarnessOptions {
  readonly alg?: AsymmetricAlgorithm;
  readonly kid?: string;
  readonly issuer?: Partial<TrustedIssuerInput>;
  readonly client?: ClientInput;
  readonly engine?: Partial<EngineOptions>;
  readonly deps?: Partial<EngineDependencies>;
}

const keyCache = new Map<string, Promise<TestKey>>();

/** Key generation (RSA above all) is slow; tests share one key per algorithm and kid. */
export function sharedTestKey(alg: AsymmetricAlgorithm, kid = "k1"): Promise<TestKey> {
  const cacheKey = `${alg}|${kid}`;
  let key = keyCache.get(cacheKey);
  if (key === undefined) {
    key = generateTestKey(alg, kid);
    keyCache.set(cacheKey, key);
  }
  return key;
}

/**
 * An engine on in-memory storage and a frozen clock, with one trusted issuer (inline JWKS) and one
 * client_secret_basic client allowed both grants and scopes "read write".
 */
export async function createHarness(options: HarnessOptions = {}) {
  const clock = createFrozenClock();
  const storage = options.deps?.storage ?? createMemoryStorage({ clock });
  const engine = createEngine({ storage, clock, ...options.deps }, { issuer: SERVER, ...options.engine });
  const key = await sharedTestKey(options.alg ?? "ES256", options.kid);
  const issuer = await engine.issuers.create(BOOTSTRAP_ADMIN, {
    issuer: IDP,
    jwks: { keys: [key.publicJwk] },
    ...options.issuer,
  });
  const { client, clientSecret } = await engine.clients.create(BOOTSTRAP_ADMIN, {
    grantTypes: [JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT],
    scope: "read write",
    ...options.client,
  });
  let counter = 0;

  /** Claims of a valid assertion, with a fresh jti each call. */
  const claims = (overrides: Record<string, unknown> = {}): Record<string, unknown> => {
    const now = clock.nowSeconds();
    counter += 1;
    return {
      iss: IDP,
      sub: "svc-a",
      aud: TOKEN_ENDPOINT,
      iat: now,
      exp: now + 300,
      jti: `jti-${counter}`,
      ...overrides,
    };
  };

  const sign = (claimsSet: unknown = claims(), header: Record<string, unknown> = {}, signer: TestKey = key) =>
    signTestJws(signer, claimsSet, { kid: signer.publicJwk.kid, ...header });

  const exchange = async (assertion: string, scope?: string) =>
    engine.exchangeJwtBearer({ client, assertion, scope });

  /**
   * Asserts a grant to `svc-a` from the harness issuer, for the harness client, now, with the client's scope,
   * lifetime and refresh grant, unless `expected` says otherwise.
   */
  const expectIssued = async (
    response: Parameters<typeof expectTokenResponse>[0],
    expected: Partial<ExpectedTokenResponse> = {},
  ) =>
    // The response first: the engine makes its first signing key on the first grant.
    expectTokenResponse(await response, {
      jwks: await engine.publishJwks(),
      issuer: SERVER,
      audience: engine.settings.accessTokenAudience,
      subject: "svc-a",
      clientId: client.clientId,
      assertionIssuer: IDP,
      scope: client.scope.length > 0 ? client.scope.join(" ") : undefined,
      refreshToken: client.grantTypes.includes(REFRESH_TOKEN_GRANT),
      expiresInSeconds: client.accessTokenTtl ?? engine.settings.accessTokenTtlSeconds,
      issuedAt: clock.now(),
      ...expected,
    });

  return {
    engine,
    storage,
    clock,
    key,
    issuer,
    client,
    clientSecret: clientSecret ?? "",
    claims,
    sign,
    exchange,
    expectIssued,
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;
