import { clientIdField } from "../admin/client-id-field.js";
import { fieldError } from "../admin/field-error.js";
import { resourcesField } from "../admin/resources-field.js";
import { CLIENT_AUTH_METHODS, GRANT_TYPES, JWT_BEARER_GRANT } from "../domain/client.js";
import type { FieldPath } from "../errors/field-path.js";
import { formatScope, parseScope } from "../scope/parse-scope.js";
import { type EntryReader, entryReader } from "./entry-reader.js";
import { normalizeJwks } from "./normalize-jwks.js";
import { type DeclaredClient, SECRET_AUTH_METHODS, type SecretSource } from "./trust-document.js";
import { underPath } from "./under-path.js";

/** The fields a client of a document may have: the admin API's, without timestamps, with a secret's source. */
export const CLIENT_FIELDS = [
  "client_id",
  "client_name",
  "grant_types",
  "scope",
  "token_endpoint_auth_method",
  "jwks",
  "jwks_uri",
  "redirect_uris",
  "resources",
  "trusted_issuers",
  "access_token_ttl",
  "refresh_token_ttl",
  "client_secret_file",
  "client_secret_env",
] as const;

const RESPONSE_ONLY_FIELDS = ["created_at", "updated_at"];
/** An environment variable's name as POSIX shells write it. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const MAX_PATH_LENGTH = 4096;

const distinct = (values: readonly string[]): string[] => [...new Set(values)];

function oneOf(read: EntryReader, name: string, allowed: readonly string[], fallback: string): string {
  const value = read.string(name) ?? fallback;
  if (!allowed.includes(value)) throw fieldError(read.at(name), `must be one of ${allowed.join(", ")}`);
  return value;
}

function scope(read: EntryReader): string {
  try {
    return formatScope(parseScope(read.string("scope") ?? ""));
  } catch {
    throw fieldError(read.at("scope"), "must be space-separated scope tokens");
  }
}

function grantTypes(read: EntryReader): string[] {
  const values = read.stringList("grant_types") ?? [JWT_BEARER_GRANT];
  if (values.length === 0) throw fieldError(read.at("grant_types"), "must name at least one grant type");
  values.forEach((value, index) => {
    if (!GRANT_TYPES.some((grant) => grant === value)) {
      throw fieldError([...read.at("grant_types"), index], `must be among ${GRANT_TYPES.join(", ")}`);
    }
  });
  return distinct(values);
}

function secretSource(read: EntryReader, method: string): SecretSource | null {
  const file = read.string("client_secret_file");
  const env = read.string("client_secret_env");
  if (!SECRET_AUTH_METHODS.includes(method)) {
    if (file !== undefined || env !== undefined) {
      const field = file === undefined ? "client_secret_env" : "client_secret_file";
      throw fieldError(read.at(field), `a ${method} client has no secret`);
    }
    return null;
  }
  if (file !== undefined && env !== undefined) {
    throw fieldError(read.at("client_secret_env"), "cannot be combined with client_secret_file");
  }
  if (file !== undefined) {
    if (file.length === 0 || file.length > MAX_PATH_LENGTH) {
      throw fieldError(read.at("client_secret_file"), `must be a path of 1 to ${MAX_PATH_LENGTH} characters`);
    }
    return { file };
  }
  if (env !== undefined) {
    if (!ENV_NAME.test(env)) {
      throw fieldError(
        read.at("client_secret_env"),
        "must be an environment variable name, e.g. ORDERS_APP_SECRET",
      );
    }
    return { env };
  }
  throw fieldError(
    read.at("client_secret_file"),
    `is required, or client_secret_env: a ${method} client needs a secret, read when it is created`,
  );
}

/**
 * One client of a trust document (or of the admin API's answer, with `fromServer`: no secret source then),
 * checked and brought to the form the server keeps it in. A secret written into the document is refused:
 * the document names where the secret is read from.
 */
export function parseClientEntry(path: FieldPath, value: unknown, fromServer = false): DeclaredClient {
  const known = fromServer
    ? [...CLIENT_FIELDS.filter((name) => !name.startsWith("client_secret_")), ...RESPONSE_ONLY_FIELDS]
    : CLIENT_FIELDS;
  if (!fromServer && typeof value === "object" && value !== null && "client_secret" in value) {
    throw fieldError(
      [...path, "client_secret"],
      "a secret is never written in the document: name client_secret_file or client_secret_env",
    );
  }
  const read = entryReader(path, value, known);
  const clientId = read.string("client_id");
  if (clientId === undefined) throw fieldError(read.at("client_id"), "is required");
  const method = oneOf(read, "token_endpoint_auth_method", CLIENT_AUTH_METHODS, "client_secret_basic");
  const jwks = read.has("jwks") ? { jwks: normalizeJwks(read.at("jwks"), read.raw("jwks")) } : {};
  const jwksUri = read.string("jwks_uri");
  if (method === "private_key_jwt" && (jwksUri === undefined) === (jwks.jwks === undefined)) {
    throw fieldError(read.at("jwks"), "exactly one of jwks, jwks_uri is required for private_key_jwt");
  }
  if (method !== "private_key_jwt" && (jwksUri !== undefined || jwks.jwks !== undefined)) {
    throw fieldError(
      read.at(jwksUri === undefined ? "jwks" : "jwks_uri"),
      "only private_key_jwt clients register keys",
    );
  }
  const trustedIssuers = read.nullableStringList("trusted_issuers");
  const resources = read.stringList("resources") ?? [];
  return {
    entry: {
      client_id: underPath(path, () => clientIdField(clientId)),
      client_name: read.nullableString("client_name") ?? null,
      grant_types: grantTypes(read),
      scope: scope(read),
      token_endpoint_auth_method: method,
      ...jwks,
      ...(jwksUri === undefined ? {} : { jwks_uri: jwksUri }),
      redirect_uris: read.stringList("redirect_uris") ?? [],
      resources: underPath(path, () => resourcesField(resources)),
      trusted_issuers:
        trustedIssuers === undefined || trustedIssuers === null ? null : distinct(trustedIssuers),
      access_token_ttl: read.nullableInteger("access_token_ttl") ?? null,
      refresh_token_ttl: read.nullableInteger("refresh_token_ttl") ?? null,
    },
    secret: fromServer ? null : secretSource(read, method),
  };
}
