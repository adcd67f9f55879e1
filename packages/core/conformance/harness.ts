// What every conformance scenario shares: the engine on memory storage, an issuer and a client, and checks
// that need no test framework, so that any runtime runs them against the built package.
import { createLocalJWKSet, jwtVerify } from "jose";
import {
  type AsymmetricAlgorithm,
  BOOTSTRAP_ADMIN,
  createEngine,
  createMemoryStorage,
  JWT_BEARER_GRANT,
  OAuthError,
  REFRESH_TOKEN_GRANT,
  type SigningAlgorithm,
} from "../dist/index.js";
import { createFrozenClock } from "../dist/testing/frozen-clock.js";
import { signTestJws } from "../dist/testing/sign-test-jws.js";
import { generateTestKey, type TestKey } from "../dist/testing/test-keys.js";

export interface Scenario {
  readonly name: string;
  run(): Promise<void>;
}

export const SERVER = "https://as.example.com";
export const IDP = "https://idp.example.com";

export function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** JSON with every object's members sorted by name, so that two values compare by content alone. */
const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_name, member: unknown) =>
    member !== null && typeof member === "object" && !Array.isArray(member)
      ? Object.fromEntries(Object.entries(member).sort(([a], [b]) => (a < b ? -1 : 1)))
      : member,
  );

/** Checks that two JSON values are equal; a member that is undefined counts as absent. */
export function checkJson(actual: unknown, expected: unknown, what: string): void {
  const [a, e] = [canonicalJson(actual), canonicalJson(expected)];
  check(a === e, `${what}: expected ${e}, got ${a}`);
}

export async function rejectsWith(promise: Promise<unknown>, code: string, reason?: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    check(error instanceof OAuthError, `expected OAuthError, got ${String(error)}`);
    const oauth = error as OAuthError;
    check(oauth.code === code, `expected ${code}, got ${oauth.code} (${oauth.reason})`);
    if (reason !== undefined)
      check(oauth.reason === reason, `expected reason ${reason}, got ${oauth.reason}`);
    return;
  }
  throw new Error(`expected ${code}, but it succeeded`);
}

export async function setup(
  alg: AsymmetricAlgorithm = "ES256",
  signingAlgorithm: SigningAlgorithm = "ES256",
  refreshTokenReuseGraceSeconds = 0,
) {
  const clock = createFrozenClock();
  const engine = createEngine(
    { storage: createMemoryStorage({ clock }), clock },
    { issuer: SERVER, signingAlgorithm, refreshTokenReuseGraceSeconds },
  );
  const key = await generateTestKey(alg, "k1");
  await engine.issuers.create(BOOTSTRAP_ADMIN, {
    issuer: IDP,
    jwks: { keys: [key.publicJwk] },
    algorithms: [alg],
  });
  const { client } = await engine.clients.create(BOOTSTRAP_ADMIN, {
    grantTypes: [JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT],
    scope: "read",
  });
  let n = 0;
  const sign = (
    overrides: Record<string, unknown> = {},
    header: Record<string, unknown> = {},
    signer: TestKey = key,
  ) => {
    n += 1;
    const now = clock.nowSeconds();
    const claims = {
      iss: IDP,
      sub: "svc",
      aud: SERVER,
      iat: now,
      exp: now + 300,
      jti: `j${n}`,
      ...overrides,
    };
    return signTestJws(signer, claims, { kid: "k1", ...header });
  };
  const exchange = (assertion: string) => engine.exchangeJwtBearer({ client, assertion, scope: undefined });
  return { engine, clock, key, client, sign, exchange };
}

export type Setup = Awaited<ReturnType<typeof setup>>;

/** An access token's claims, verified as a resource server would: against the engine's published keys. */
export async function verifyAccessToken(s: Setup, token: string) {
  const jwks = createLocalJWKSet(JSON.parse(JSON.stringify(await s.engine.publishJwks())));
  const { payload } = await jwtVerify(token, jwks, { typ: "at+jwt", currentDate: s.clock.now() });
  return payload;
}

/** An access token's claims but those that differ from token to token (`jti`, `iat`, `exp`). */
export async function stableClaims(s: Setup, token: string) {
  const claims = await verifyAccessToken(s, token);
  return Object.fromEntries(
    Object.entries(claims).filter(([name]) => name !== "jti" && name !== "iat" && name !== "exp"),
  );
}
