import { JWT_BEARER_GRANT } from "../domain/client.js";
import type { JsonObjectValue, JsonValue } from "../domain/json-value.js";
import {
  type ClientEntry,
  type IssuerEntry,
  SECRET_AUTH_METHODS,
  TRUST_DOCUMENT_VERSION,
  type TrustState,
} from "./trust-document.js";

/** What a field holds when a document leaves it out; such fields are left out of an export too. */
const ISSUER_DEFAULTS: Readonly<Record<string, JsonValue>> = {
  name: null,
  algorithms: null,
  subjects: null,
  scope: null,
  audiences: [],
  assertion_reuse: "single_use",
  max_assertion_lifetime: null,
  expires_at: null,
  enabled: true,
  rules: null,
};

const CLIENT_DEFAULTS: Readonly<Record<string, JsonValue>> = {
  client_name: null,
  grant_types: [JWT_BEARER_GRANT],
  scope: "",
  token_endpoint_auth_method: "client_secret_basic",
  redirect_uris: [],
  resources: [],
  trusted_issuers: null,
  access_token_ttl: null,
  refresh_token_ttl: null,
};

function withoutDefaults(entry: object, defaults: Readonly<Record<string, JsonValue>>): JsonObjectValue {
  return Object.fromEntries(
    (Object.entries(entry) as [string, JsonValue][]).filter(
      ([field, value]) => !(field in defaults && JSON.stringify(defaults[field]) === JSON.stringify(value)),
    ),
  );
}

/** `orders-app` → `ORDERS_APP`, for a variable name a shell accepts. */
function envName(clientId: string): string {
  return `JWTGRANT_CLIENT_SECRET_${clientId.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

function exportClient(entry: ClientEntry, taken: Set<string>): JsonObjectValue {
  const fields = withoutDefaults(entry, CLIENT_DEFAULTS);
  if (!SECRET_AUTH_METHODS.includes(entry.token_endpoint_auth_method)) return fields;
  // Two ids may map to one name (orders-app, orders_app): the later one gets a numbered name of its own.
  const base = envName(entry.client_id);
  let name = base;
  for (let suffix = 2; taken.has(name); suffix += 1) name = `${base}_${suffix}`;
  taken.add(name);
  return { ...fields, client_secret_env: name };
}

/**
 * A server's state as a trust document, defaults left out, in the order the server lists them. No secret is
 * ever exported: a confidential client names an environment variable (`JWTGRANT_CLIENT_SECRET_<ID>`) to read
 * its secret from, which matters only when the document creates the client on another server.
 */
export function exportTrustDocument(state: TrustState): JsonObjectValue {
  const taken = new Set<string>();
  const issuers: IssuerEntry[] = state.issuers.map(({ entry }) => entry);
  return {
    version: TRUST_DOCUMENT_VERSION,
    issuers: issuers.map((entry) => withoutDefaults(entry, ISSUER_DEFAULTS)),
    clients: state.clients.map((entry) => exportClient(entry, taken)),
  };
}
