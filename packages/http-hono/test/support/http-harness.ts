import {
  BOOTSTRAP_ADMIN,
  createEngine,
  createMemoryStorage,
  type EngineOptions,
  JWT_BEARER_GRANT,
  REFRESH_TOKEN_GRANT,
  type Storage,
} from "@jwtgrant/core";
import { createFrozenClock, generateTestKey, signTestJws, type TestKey } from "@jwtgrant/core/testing";
import { createHttpApp, type HttpAppOptions } from "../../src/create-http-app.js";
import type { RequestLogLevel, RequestLogRecord } from "../../src/observability/request-log.js";

export const SERVER = "https://as.example.com";
export const IDP = "https://idp.example.com";
export const ADMIN_TOKEN = "admin-token-for-tests-0123456789";

/** Basic credentials per RFC 6749 §2.3.1: each part form-urlencoded, then base64. */
export function basic(clientId: string, clientSecret: string): string {
  const encode = (part: string) => encodeURIComponent(part).replace(/%20/g, "+");
  return `Basic ${btoa(`${encode(clientId)}:${encode(clientSecret)}`)}`;
}

export interface HarnessOptions {
  readonly engine?: Partial<EngineOptions>;
  readonly storage?: Storage;
  readonly ready?: () => Promise<void>;
  readonly maxBodyBytes?: number;
  /** The levels the request logger writes. Default: all. */
  readonly logLevels?: readonly RequestLogLevel[];
  readonly app?: Pick<HttpAppOptions, "failedAuthenticationLimits" | "clientAddress" | "readBody">;
}

/** The HTTP app on in-memory storage, one trusted issuer and one client_secret_basic client with both grants. */
export async function createHttpHarness(options: HarnessOptions = {}) {
  const clock = createFrozenClock(new Date(Math.floor(Date.now() / 1000) * 1000));
  const storage = options.storage ?? createMemoryStorage({ clock });
  const engine = createEngine({ storage, clock }, { issuer: SERVER, ...options.engine });
  const logs: RequestLogRecord[] = [];
  const app = createHttpApp(
    { engine, ready: options.ready ?? (async () => {}) },
    {
      adminToken: ADMIN_TOKEN,
      logger: {
        enabled: (level) => options.logLevels?.includes(level) ?? true,
        write: (record) => logs.push(record),
      },
      ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
      ...options.app,
    },
  );
  const key = await generateTestKey("ES256", "k1");
  await engine.issuers.create(BOOTSTRAP_ADMIN, { issuer: IDP, jwks: { keys: [key.publicJwk] } });
  const { client, clientSecret } = await engine.clients.create(BOOTSTRAP_ADMIN, {
    grantTypes: [JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT],
    scope: "read write",
  });
  let counter = 0;

  const assertion = (overrides: Record<string, unknown> = {}, signer: TestKey = key) => {
    const now = clock.nowSeconds();
    counter += 1;
    return signTestJws(
      signer,
      {
        iss: IDP,
        sub: "svc-a",
        aud: `${SERVER}/oauth2/token`,
        iat: now,
        exp: now + 300,
        jti: `j-${counter}`,
        ...overrides,
      },
      { kid: signer.publicJwk.kid },
    );
  };

  /** POSTs a form; `headers` may replace the default Basic credentials of the harness client. */
  const post = (
    path: string,
    params: Record<string, string> | string,
    headers: Record<string, string> = {},
  ) =>
    app.request(path, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: basic(client.clientId, clientSecret ?? ""),
        ...headers,
      },
      body: typeof params === "string" ? params : new URLSearchParams(params).toString(),
    });

  const exchange = async (scope?: string) =>
    post("/oauth2/token", {
      grant_type: JWT_BEARER_GRANT,
      assertion: await assertion(),
      ...(scope === undefined ? {} : { scope }),
    });

  return {
    app,
    engine,
    storage,
    clock,
    logs,
    key,
    client,
    clientSecret: clientSecret ?? "",
    assertion,
    post,
    exchange,
  };
}
