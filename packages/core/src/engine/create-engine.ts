import { listAdminAudit } from "../admin/admin-audit.js";
import * as adminKeys from "../admin/admin-keys.js";
import * as clients from "../admin/clients.js";
import { endConsoleSession, isConsoleSessionEnded } from "../admin/console-sessions.js";
import * as issuers from "../admin/trusted-issuers.js";
import { authenticateClient } from "../client-auth/authenticate-client.js";
import { createJoseJwsCrypto } from "../crypto/jose-jws-crypto.js";
import type { SigningKey } from "../domain/signing-key.js";
import { withStorageGuard } from "../errors/with-storage-guard.js";
import { checkJwtBearer } from "../grants/check-jwt-bearer.js";
import { exchangeJwtBearer } from "../grants/exchange-jwt-bearer.js";
import { exchangeRefreshToken } from "../grants/exchange-refresh-token.js";
import { exchangeToken } from "../grants/exchange-token.js";
import { explainJwtBearer } from "../grants/explain-jwt-bearer.js";
import { SUPPORTED_GRANT_TYPES } from "../grants/grant-handlers.js";
import { introspectToken } from "../grants/introspect-token.js";
import { revokeToken } from "../grants/revoke-token.js";
import { createDiscoveredJwksUris, type DiscoveredJwksUrisOptions } from "../keys/discovered-jwks-uris.js";
import { createKeyResolver } from "../keys/key-resolver.js";
import { createRemoteJwks, type RemoteJwksOptions } from "../keys/remote-jwks.js";
import { type Clock, systemClock } from "../ports/clock.js";
import type { Fetch } from "../ports/fetch.js";
import type { JwsCrypto } from "../ports/jws-crypto.js";
import type { Storage } from "../ports/storage.js";
import {
  activeSigningKey,
  publishJwks,
  rotateSigningKey,
  rotateSigningKeyIfDue,
} from "../tokens/signing-keys.js";
import type { EngineContext } from "./context.js";
import type { Engine, SigningKeyView } from "./engine.js";
import { type EngineOptions, resolveSettings } from "./settings.js";

export interface EngineDependencies {
  readonly storage: Storage;
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** Default: jose on Web Crypto. */
  readonly crypto?: JwsCrypto;
  /** Used for JWKS URIs and OpenID Provider metadata. Default: the global `fetch`. */
  readonly fetch?: Fetch;
}

type UseCase<A extends unknown[], R> = (ctx: EngineContext, ...args: A) => Promise<R>;

function bind<A extends unknown[], R>(
  ctx: EngineContext,
  useCase: UseCase<A, R>,
): (...args: A) => Promise<R> {
  return (...args) => withStorageGuard(() => useCase(ctx, ...args));
}

const toView = ({ privateJwk: _private, ...view }: SigningKey): SigningKeyView => view;

/** Binds every use case to one set of ports and settings. */
export function createEngine(deps: EngineDependencies, options: EngineOptions): Engine {
  const settings = resolveSettings(options);
  const clock = deps.clock ?? systemClock;
  // Provider metadata is fetched and cached under the same limits as the key sets it leads to.
  const remoteOptions = {
    fetch: deps.fetch ?? ((url, init) => fetch(url, init)),
    clock,
    timeoutMs: settings.jwksTimeoutMs,
    maxResponseBytes: settings.jwksMaxResponseBytes,
    cacheMaxAgeMs: settings.jwksCacheMaxAgeSeconds * 1000,
    cooldownMs: settings.jwksCooldownSeconds * 1000,
    staleMaxAgeMs: settings.jwksStaleMaxAgeSeconds * 1000,
    retryMinMs: settings.jwksRetryMinSeconds * 1000,
    retryMaxMs: settings.jwksRetryMaxSeconds * 1000,
  } satisfies RemoteJwksOptions & DiscoveredJwksUrisOptions;
  const ctx: EngineContext = {
    storage: deps.storage,
    clock,
    crypto: deps.crypto ?? createJoseJwsCrypto(),
    keys: createKeyResolver(createRemoteJwks(remoteOptions), createDiscoveredJwksUris(remoteOptions)),
    settings,
  };
  return {
    settings,
    clock,
    authenticateClient: bind(ctx, authenticateClient),
    grantTypes: SUPPORTED_GRANT_TYPES,
    exchangeToken: bind(ctx, exchangeToken),
    exchangeJwtBearer: bind(ctx, exchangeJwtBearer),
    exchangeRefreshToken: bind(ctx, exchangeRefreshToken),
    revokeToken: bind(ctx, revokeToken),
    introspectToken: bind(ctx, introspectToken),
    checkJwtBearer: bind(ctx, checkJwtBearer),
    explainJwtBearer: bind(ctx, explainJwtBearer),
    publishJwks: bind(ctx, publishJwks),
    ensureSigningKey: bind(ctx, async (c) => toView(await activeSigningKey(c))),
    issuers: {
      create: bind(ctx, issuers.createTrustedIssuer),
      get: bind(ctx, issuers.getTrustedIssuer),
      list: bind(ctx, issuers.listTrustedIssuers),
      update: bind(ctx, issuers.updateTrustedIssuer),
      delete: bind(ctx, issuers.deleteTrustedIssuer),
    },
    clients: {
      create: bind(ctx, clients.createClient),
      get: bind(ctx, clients.getClient),
      list: bind(ctx, clients.listClients),
      update: bind(ctx, clients.updateClient),
      delete: bind(ctx, clients.deleteClient),
      rotateSecret: bind(ctx, clients.rotateClientSecret),
    },
    signingKeys: {
      list: bind(ctx, async (c) => (await c.storage.signingKeys.list()).map(toView)),
      rotate: bind(ctx, async (c, actor) => toView(await rotateSigningKey(c, actor))),
      rotateIfOlderThan: bind(ctx, async (c, maxAgeSeconds: number) => {
        const rotated = await rotateSigningKeyIfDue(c, maxAgeSeconds);
        return rotated === null ? null : toView(rotated);
      }),
    },
    adminKeys: {
      create: bind(ctx, adminKeys.createAdminKey),
      list: bind(ctx, adminKeys.listAdminKeys),
      revoke: bind(ctx, adminKeys.revokeAdminKey),
      authenticate: bind(ctx, adminKeys.authenticateAdminKey),
    },
    adminAudit: {
      list: bind(ctx, listAdminAudit),
    },
    consoleSessions: {
      end: bind(ctx, endConsoleSession),
      isEnded: bind(ctx, isConsoleSessionEnded),
    },
  };
}
