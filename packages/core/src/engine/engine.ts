import type { AdminAuditQuery } from "../admin/admin-audit.js";
import type { AdminKeyInput } from "../admin/admin-keys.js";
import type { ClientCreateInput, ClientInput, ClientWithSecret } from "../admin/clients.js";
import type { TrustedIssuerInput } from "../admin/trusted-issuers.js";
import type { PresentedClientAuthentication } from "../client-auth/client-credentials.js";
import type { AdminActor } from "../domain/admin-actor.js";
import type { AdminAuditRecord } from "../domain/admin-audit-record.js";
import type { AdminKeyView, AdminKeyWithSecret } from "../domain/admin-key.js";
import type { Client, GrantType } from "../domain/client.js";
import type { PublicJwkSet } from "../domain/jwk.js";
import type { SigningKey } from "../domain/signing-key.js";
import type { TokenResponse } from "../domain/token-response.js";
import type { TrustedIssuer } from "../domain/trusted-issuer.js";
import type { CheckedJwtBearer } from "../grants/check-jwt-bearer.js";
import type { RefreshRequest } from "../grants/exchange-refresh-token.js";
import type { ExplainRequest, Explanation } from "../grants/explain-jwt-bearer.js";
import type { Introspection, IntrospectionRequest } from "../grants/introspect-token.js";
import type { JwtBearerRequest } from "../grants/jwt-bearer-request.js";
import type { RevocationRequest } from "../grants/revoke-token.js";
import type { TokenRequest } from "../grants/token-request.js";
import type { Clock } from "../ports/clock.js";
import type { EngineSettings } from "./settings.js";

/** A signing key as the admin API shows it: never its private half. */
export type SigningKeyView = Omit<SigningKey, "privateJwk">;

/**
 * The engine: every use case bound to one set of ports and settings. A storage outage surfaces from any
 * method as `OAuthError` `temporarily_unavailable`; a refusal, as `OAuthError` with its code and reason.
 */
export interface Engine {
  /** The options in force, defaults filled in. */
  readonly settings: EngineSettings;
  /** The engine's time, for adapters that keep time of their own (console sessions, rate limits). */
  readonly clock: Clock;
  /** Authenticates a client by the credentials it presented with its request; returns the client. */
  authenticateClient(presented: PresentedClientAuthentication): Promise<Client>;
  /** The grant types the token endpoint serves, as its metadata advertises them. */
  readonly grantTypes: readonly GrantType[];
  /** The token endpoint: runs the grant that the request's `grant_type` names (RFC 6749 §3.2). */
  exchangeToken(request: TokenRequest): Promise<TokenResponse>;
  /** The JWT Bearer grant (RFC 7523 §2.1): checks the assertion, spends its `jti`, issues tokens. */
  exchangeJwtBearer(request: JwtBearerRequest): Promise<TokenResponse>;
  /** The refresh_token grant (RFC 6749 §6) with rotation: spends the refresh token, issues its successor. */
  exchangeRefreshToken(request: RefreshRequest): Promise<TokenResponse>;
  /** Token revocation (RFC 7009): revokes an access token, or a refresh token's whole family. */
  revokeToken(request: RevocationRequest): Promise<void>;
  /** Token introspection (RFC 7662). */
  introspectToken(request: IntrospectionRequest): Promise<Introspection>;
  /** Every rule of the grant but the replay guard, for diagnosis: consumes no `jti`, issues nothing. */
  checkJwtBearer(request: JwtBearerRequest): Promise<CheckedJwtBearer>;
  /**
   * The token endpoint's verdict on an assertion and why, rule by rule and condition by condition; writes
   * nothing (the replay guard is only read). An unknown `clientId` is `NotFoundError`.
   */
  explainJwtBearer(request: ExplainRequest): Promise<Explanation>;
  /** The server's public JWK Set (RFC 7517) for resource servers. */
  publishJwks(): Promise<PublicJwkSet>;
  /** Creates the first signing key if the store has none (call at start-up). */
  ensureSigningKey(): Promise<SigningKeyView>;
  /**
   * The issuers whose assertions the server accepts. Every change takes the `AdminActor` who makes it and
   * leaves one record in the admin audit log, as do the changes of clients, signing keys and admin keys.
   */
  readonly issuers: {
    create(actor: AdminActor, input: TrustedIssuerInput): Promise<TrustedIssuer>;
    get(id: string): Promise<TrustedIssuer>;
    list(): Promise<TrustedIssuer[]>;
    update(actor: AdminActor, id: string, patch: Partial<TrustedIssuerInput>): Promise<TrustedIssuer>;
    delete(actor: AdminActor, id: string): Promise<void>;
  };
  /** The registered clients; a new or rotated secret is shown in that one response only. */
  readonly clients: {
    /** With `clientId` and `clientSecret` given, a client moved from another server keeps its credentials. */
    create(actor: AdminActor, input: ClientCreateInput): Promise<ClientWithSecret>;
    get(clientId: string): Promise<Client>;
    list(): Promise<Client[]>;
    update(actor: AdminActor, clientId: string, patch: ClientInput): Promise<Client>;
    delete(actor: AdminActor, clientId: string): Promise<void>;
    rotateSecret(actor: AdminActor, clientId: string): Promise<ClientWithSecret>;
  };
  /** The server's own signing keys, without their private halves. */
  readonly signingKeys: {
    list(): Promise<SigningKeyView[]>;
    /** Makes a new active key; the old one stays published until every token it signed has expired. */
    rotate(actor: AdminActor): Promise<SigningKeyView>;
    /**
     * Rotates when the active key is at least `maxAgeSeconds` old (for a schedule); `null` when none was due
     * or another instance sharing the storage rotated first. Many instances calling it make one rotation.
     */
    rotateIfOlderThan(maxAgeSeconds: number): Promise<SigningKeyView | null>;
  };
  /** Named admin API keys, besides the bootstrap admin token; a new key is shown in that one response only. */
  readonly adminKeys: {
    create(actor: AdminActor, input: AdminKeyInput): Promise<AdminKeyWithSecret>;
    list(): Promise<AdminKeyView[]>;
    /** The key stops working at once, on every instance sharing the storage. */
    revoke(actor: AdminActor, id: string): Promise<void>;
    /** The holder of a presented admin key, or `null` for anything that is not a current key. */
    authenticate(presented: string): Promise<AdminActor | null>;
  };
  /** Every admin change, newest first; `limit` 1–500 (default 50), `before` a record's id. */
  readonly adminAudit: {
    list(query?: AdminAuditQuery): Promise<AdminAuditRecord[]>;
  };
  /** Admin console sessions ended before they expire, on every instance sharing the storage. */
  readonly consoleSessions: {
    end(sessionId: string, expiresAt: Date): Promise<void>;
    isEnded(sessionId: string): Promise<boolean>;
  };
}
