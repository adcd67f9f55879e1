import { MAX_CLIENT_RESOURCES } from "../admin/resources-field.js";
import type { JsonObjectValue } from "../domain/json-value.js";
import { MAX_RESOURCE_LENGTH } from "../resources/resource-indicator.js";

const string = { type: "string" };
const strings = { type: "array", items: string };
const nullable = (schema: JsonObjectValue): JsonObjectValue => ({ anyOf: [schema, { type: "null" }] });
const seconds = nullable({ type: "integer", minimum: 1 });
const scalar = { type: ["string", "number", "boolean"] };

const jwks = {
  type: "object",
  required: ["keys"],
  properties: { keys: { type: "array", minItems: 1, items: { type: "object", required: ["kty"] } } },
};

/** One condition: exactly one operator, `ignore_case` beside `eq`, `in` or `glob` only. */
const condition = {
  type: "object",
  oneOf: [
    {
      required: ["eq"],
      properties: { eq: scalar, ignore_case: { type: "boolean" } },
      additionalProperties: false,
    },
    {
      required: ["in"],
      properties: { in: { type: "array", items: scalar, minItems: 1 }, ignore_case: { type: "boolean" } },
      additionalProperties: false,
    },
    {
      required: ["glob"],
      properties: { glob: string, ignore_case: { type: "boolean" } },
      additionalProperties: false,
    },
    { required: ["contains"], properties: { contains: scalar }, additionalProperties: false },
    { required: ["exists"], properties: { exists: { type: "boolean" } }, additionalProperties: false },
  ],
};

const rule = {
  type: "object",
  required: ["name", "when"],
  properties: {
    name: { type: "string", pattern: "^[a-z0-9][a-z0-9_-]{0,63}$" },
    when: {
      type: "object",
      minProperties: 1,
      maxProperties: 32,
      description: "Claim name or RFC 6901 JSON Pointer → condition; every condition must hold, in order",
      additionalProperties: condition,
    },
    scope: string,
    subject: {
      type: "string",
      description: "The access token's sub, from {claim} or {/pointer} placeholders",
    },
    claims: { type: "object", additionalProperties: string },
    access_token_ttl: { type: "integer", minimum: 1 },
    refresh_tokens: { type: "boolean" },
  },
  additionalProperties: false,
};

const KEY_SOURCES = ["certificate", "certificates", "jwks", "jwks_uri", "discovery"];

const issuer = {
  type: "object",
  required: ["issuer"],
  description: "A trusted issuer, keyed by issuer; exactly one key source",
  properties: {
    issuer: { type: "string", minLength: 1, maxLength: 2048 },
    name: nullable(string),
    certificate: { type: "string", description: "A PEM X.509 certificate" },
    certificates: { type: "array", items: string, minItems: 1, maxItems: 10 },
    jwks,
    jwks_uri: { type: "string", format: "uri" },
    discovery: { const: true },
    algorithms: nullable({ type: "array", items: string, minItems: 1 }),
    subjects: { type: "array", items: string, minItems: 1, description: "Only these subjects; absent: any" },
    scope: nullable(string),
    audiences: nullable(strings),
    assertion_reuse: { enum: ["single_use", "allowed"] },
    max_assertion_lifetime: seconds,
    expires_at: nullable({ type: "string", format: "date-time" }),
    enabled: { type: "boolean" },
    rules: nullable({ type: "array", items: rule, minItems: 1, maxItems: 50 }),
  },
  oneOf: KEY_SOURCES.map((source) => ({ required: [source] })),
  additionalProperties: false,
};

const SECRET_METHODS = ["client_secret_basic", "client_secret_post"];

const client = {
  type: "object",
  required: ["client_id"],
  description:
    "A client, keyed by client_id. A client_secret_basic (the default) or client_secret_post client names exactly one of client_secret_file and client_secret_env; the secret is read only when the client is created",
  properties: {
    client_id: { type: "string", pattern: "^[\\x21-\\x7e]{1,255}$" },
    client_name: nullable(string),
    grant_types: {
      type: "array",
      minItems: 1,
      items: { enum: ["urn:ietf:params:oauth:grant-type:jwt-bearer", "refresh_token"] },
    },
    scope: string,
    token_endpoint_auth_method: { enum: [...SECRET_METHODS, "private_key_jwt", "none"] },
    jwks,
    jwks_uri: { type: "string", format: "uri" },
    redirect_uris: strings,
    resources: {
      type: "array",
      maxItems: MAX_CLIENT_RESOURCES,
      description: "The RFC 8707 resource indicators the client may request, compared exactly",
      items: {
        type: "string",
        format: "uri",
        pattern: "^[A-Za-z][A-Za-z0-9+.-]*:[^#]*$",
        maxLength: MAX_RESOURCE_LENGTH,
      },
    },
    trusted_issuers: nullable({ type: "array", items: string, minItems: 1 }),
    access_token_ttl: seconds,
    refresh_token_ttl: seconds,
    client_secret_file: { type: "string", minLength: 1, description: "Relative to the document's folder" },
    client_secret_env: { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]{0,127}$" },
  },
  not: { required: ["client_secret_file", "client_secret_env"] },
  if: {
    anyOf: [
      { not: { required: ["token_endpoint_auth_method"] } },
      { properties: { token_endpoint_auth_method: { enum: SECRET_METHODS } } },
    ],
  },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's own keyword
  then: { anyOf: [{ required: ["client_secret_file"] }, { required: ["client_secret_env"] }] },
  else: { not: { anyOf: [{ required: ["client_secret_file"] }, { required: ["client_secret_env"] }] } },
  additionalProperties: false,
};

/**
 * The JSON Schema (draft 2020-12) of a trust document, for editors. The parser stays the authority: it also
 * checks what a schema cannot say (keys once per document, a multi-tenant issuer's rules).
 */
export const TRUST_DOCUMENT_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "jwtgrant trust document",
  type: "object",
  required: ["version"],
  properties: {
    version: { const: 1 },
    issuers: { type: "array", items: issuer, maxItems: 1000 },
    clients: { type: "array", items: client, maxItems: 1000 },
  },
  additionalProperties: false,
};
