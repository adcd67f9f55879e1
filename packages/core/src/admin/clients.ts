import { clientSnapshot } from "../admin-audit/client-snapshot.js";
import { recordAdminChange } from "../admin-audit/record-admin-change.js";
import type { AdminActor } from "../domain/admin-actor.js";
import {
  CLIENT_AUTH_METHODS,
  type Client,
  type ClientAuthMethod,
  type ClientKeySource,
  GRANT_TYPES,
  type GrantType,
  JWT_BEARER_GRANT,
} from "../domain/client.js";
import type { EngineContext } from "../engine/context.js";
import { ConflictError, NotFoundError } from "../errors/admin-errors.js";
import { newClientSecret } from "../tokens/client-secret-value.js";
import { clientIdField } from "./client-id-field.js";
import { fieldError, nullableText, textField } from "./field-error.js";
import { identifierListField } from "./identifier-list-field.js";
import { importedClientSecret } from "./imported-client-secret.js";
import { deleteOrNotFound, findOrNotFound } from "./record-by-id.js";
import { resourcesField } from "./resources-field.js";
import { scopeField } from "./scope-field.js";
import { hasKeySource, validateKeySource } from "./validate-key-source.js";

/** A client as the operator describes it (RFC 7591 fields), in camelCase. */
export interface ClientInput {
  readonly clientName?: string | null | undefined;
  readonly grantTypes?: readonly string[] | undefined;
  readonly scope?: string | undefined;
  readonly tokenEndpointAuthMethod?: string | undefined;
  readonly jwks?: unknown;
  readonly jwksUri?: string | undefined;
  readonly redirectUris?: readonly string[] | undefined;
  /** The RFC 8707 resource indicators the client may request. */
  readonly resources?: readonly string[] | undefined;
  /** The only issuers whose assertions the client may present; `null` lifts the restriction. */
  readonly trustedIssuers?: readonly string[] | null | undefined;
  readonly accessTokenTtl?: number | null | undefined;
  readonly refreshTokenTtl?: number | null | undefined;
}

/** A new client: as any client, and optionally its id and secret from another server. */
export interface ClientCreateInput extends ClientInput {
  /** Default: a generated UUID. */
  readonly clientId?: string | undefined;
  /** A secret the client already has (secret methods only); never echoed back. Default: a generated one. */
  readonly clientSecret?: string | undefined;
}

/** A client and, only right after creation or a secret rotation, its secret in clear. */
export interface ClientWithSecret {
  readonly client: Client;
  readonly clientSecret: string | null;
}

const SECRET_METHODS: readonly ClientAuthMethod[] = ["client_secret_basic", "client_secret_post"];
/** The longest access-token lifetime, in seconds, that a client or a trust rule may set. */
export const MAX_ACCESS_TOKEN_TTL = 86_400;
const MAX_REFRESH_TOKEN_TTL = 31_536_000;

function authMethod(value: string): ClientAuthMethod {
  const method = CLIENT_AUTH_METHODS.find((candidate) => candidate === value);
  if (method === undefined) {
    throw fieldError("token_endpoint_auth_method", `must be one of ${CLIENT_AUTH_METHODS.join(", ")}`);
  }
  return method;
}

function grantTypes(values: readonly string[]): GrantType[] {
  if (values.length === 0) throw fieldError("grant_types", "must name at least one grant type");
  return [
    ...new Set(
      values.map((value) => {
        const grant = GRANT_TYPES.find((candidate) => candidate === value);
        if (grant === undefined) throw fieldError("grant_types", `must be among ${GRANT_TYPES.join(", ")}`);
        return grant;
      }),
    ),
  ];
}

function ttl(field: string, value: number | null, max: number): number | null {
  if (value !== null && (!Number.isInteger(value) || value <= 0 || value > max)) {
    throw fieldError(field, `must be a whole number of seconds between 1 and ${max}`);
  }
  return value;
}

function redirectUris(values: readonly string[]): string[] {
  for (const uri of values) {
    textField("redirect_uris", uri);
    try {
      new URL(uri);
    } catch {
      throw fieldError("redirect_uris", `${uri} is not an absolute URL`);
    }
  }
  return [...values];
}

async function keySource(input: ClientInput, method: ClientAuthMethod, current: Client | null) {
  if (method !== "private_key_jwt") {
    if (hasKeySource(input)) throw fieldError("jwks", "only private_key_jwt clients register keys");
    return null;
  }
  if (!hasKeySource(input) && current?.keySource) return current.keySource;
  return (await validateKeySource(input, "client")).source as ClientKeySource;
}

async function build(ctx: EngineContext, input: ClientCreateInput, current: Client | null): Promise<Client> {
  const now = ctx.clock.now();
  const method =
    input.tokenEndpointAuthMethod === undefined
      ? (current?.authMethod ?? "client_secret_basic")
      : authMethod(input.tokenEndpointAuthMethod);
  const keepsSecret =
    current !== null && SECRET_METHODS.includes(current.authMethod) && SECRET_METHODS.includes(method);
  return {
    clientId:
      current?.clientId ??
      (input.clientId === undefined ? crypto.randomUUID() : clientIdField(input.clientId)),
    clientName:
      input.clientName === undefined
        ? (current?.clientName ?? null)
        : nullableText("client_name", input.clientName),
    secretHash: keepsSecret ? current.secretHash : null,
    authMethod: method,
    grantTypes:
      input.grantTypes === undefined
        ? (current?.grantTypes ?? [JWT_BEARER_GRANT])
        : grantTypes(input.grantTypes),
    scope: input.scope === undefined ? (current?.scope ?? []) : scopeField(input.scope),
    keySource: await keySource(input, method, current),
    redirectUris:
      input.redirectUris === undefined ? (current?.redirectUris ?? []) : redirectUris(input.redirectUris),
    resources: input.resources === undefined ? (current?.resources ?? []) : resourcesField(input.resources),
    trustedIssuers:
      input.trustedIssuers === undefined
        ? (current?.trustedIssuers ?? null)
        : input.trustedIssuers === null
          ? null
          : identifierListField("trusted_issuers", input.trustedIssuers),
    accessTokenTtl:
      input.accessTokenTtl === undefined
        ? (current?.accessTokenTtl ?? null)
        : ttl("access_token_ttl", input.accessTokenTtl, MAX_ACCESS_TOKEN_TTL),
    refreshTokenTtl:
      input.refreshTokenTtl === undefined
        ? (current?.refreshTokenTtl ?? null)
        : ttl("refresh_token_ttl", input.refreshTokenTtl, MAX_REFRESH_TOKEN_TTL),
    createdAt: current?.createdAt ?? now,
    updatedAt: now,
  };
}

/**
 * Registers a client; a secret-based client gets a generated secret of 256 bits, returned only here, unless
 * it brings its own (which is never returned).
 */
export async function createClient(
  ctx: EngineContext,
  actor: AdminActor,
  input: ClientCreateInput,
): Promise<ClientWithSecret> {
  const draft = await build(ctx, input, null);
  const usesSecret = SECRET_METHODS.includes(draft.authMethod);
  if (input.clientSecret !== undefined && !usesSecret) {
    throw fieldError(
      "client_secret",
      "only client_secret_basic and client_secret_post clients have a secret",
    );
  }
  const imported = input.clientSecret === undefined ? null : importedClientSecret(input.clientSecret);
  const generated = usesSecret && imported === null ? newClientSecret() : null;
  const secret = imported ?? generated;
  const client = { ...draft, secretHash: secret === null ? null : await ctx.crypto.sha256(secret) };
  if ((await ctx.storage.clients.insert(client)) === "duplicate") {
    throw new ConflictError(`a client ${client.clientId} is already registered`);
  }
  await recordAdminChange(ctx, actor, "client.create", client.clientId, null, clientSnapshot(client));
  return { client, clientSecret: generated };
}

export async function getClient(ctx: EngineContext, clientId: string): Promise<Client> {
  return findOrNotFound("client", clientId, (id) => ctx.storage.clients.findById(id));
}

export function listClients(ctx: EngineContext): Promise<Client[]> {
  return ctx.storage.clients.list();
}

/**
 * Updates a client. Switching to a secret-based method from another leaves it without a secret until
 * `rotateClientSecret`; no update ever returns a secret.
 */
export async function updateClient(
  ctx: EngineContext,
  actor: AdminActor,
  clientId: string,
  patch: ClientInput,
): Promise<Client> {
  const current = await getClient(ctx, clientId);
  const client = await build(ctx, patch, current);
  if (!(await ctx.storage.clients.update(client))) throw new NotFoundError(`no client ${clientId}`);
  await recordAdminChange(
    ctx,
    actor,
    "client.update",
    clientId,
    clientSnapshot(current),
    clientSnapshot(client),
  );
  return client;
}

/** Deletes a client; the audit log keeps what it was. */
export async function deleteClient(ctx: EngineContext, actor: AdminActor, clientId: string): Promise<void> {
  const current = await getClient(ctx, clientId);
  await deleteOrNotFound("client", clientId, (id) => ctx.storage.clients.delete(id));
  await recordAdminChange(ctx, actor, "client.delete", clientId, clientSnapshot(current), null);
}

/** Issues a new secret; the old one stops working at once. */
export async function rotateClientSecret(
  ctx: EngineContext,
  actor: AdminActor,
  clientId: string,
): Promise<ClientWithSecret> {
  const current = await getClient(ctx, clientId);
  if (!SECRET_METHODS.includes(current.authMethod)) {
    throw fieldError("token_endpoint_auth_method", `${current.authMethod} clients have no secret`);
  }
  const clientSecret = newClientSecret();
  const client = {
    ...current,
    secretHash: await ctx.crypto.sha256(clientSecret),
    updatedAt: ctx.clock.now(),
  };
  if (!(await ctx.storage.clients.update(client))) throw new NotFoundError(`no client ${clientId}`);
  await recordAdminChange(
    ctx,
    actor,
    "client.rotate_secret",
    clientId,
    clientSnapshot(current),
    clientSnapshot(client),
  );
  return { client, clientSecret };
}
