import type { JsonObjectValue } from "../domain/json-value.js";
import type { TrustRuleWire } from "../trust-policy/trust-rules-to-wire.js";

/** The version of the document format this server reads and writes. */
export const TRUST_DOCUMENT_VERSION = 1;

/** Where a confidential client's secret comes from when the client is created: never the document itself. */
export type SecretSource = { readonly file: string } | { readonly env: string };

/**
 * A trusted issuer as a trust document declares it, in the admin API's wire names, every field filled in
 * (a field the document leaves out has its default), so that two entries compare field by field. Exactly one
 * key source field is present.
 */
export interface IssuerEntry {
  readonly issuer: string;
  readonly name: string | null;
  readonly certificate?: string;
  readonly certificates?: readonly string[];
  readonly jwks?: { readonly keys: readonly JsonObjectValue[] };
  readonly jwks_uri?: string;
  readonly discovery?: true;
  readonly algorithms: readonly string[] | null;
  /** `null`: any subject. */
  readonly subjects: readonly string[] | null;
  readonly scope: string | null;
  readonly audiences: readonly string[];
  readonly assertion_reuse: string;
  readonly max_assertion_lifetime: number | null;
  readonly expires_at: string | null;
  readonly enabled: boolean;
  readonly rules: readonly TrustRuleWire[] | null;
}

/** A client as a trust document declares it: wire names, defaults filled in, no secret. */
export interface ClientEntry {
  readonly client_id: string;
  readonly client_name: string | null;
  readonly grant_types: readonly string[];
  readonly scope: string;
  readonly token_endpoint_auth_method: string;
  readonly jwks?: { readonly keys: readonly JsonObjectValue[] };
  readonly jwks_uri?: string;
  readonly redirect_uris: readonly string[];
  readonly resources: readonly string[];
  readonly trusted_issuers: readonly string[] | null;
  readonly access_token_ttl: number | null;
  readonly refresh_token_ttl: number | null;
}

/** A client of the document: its entry, and for a confidential client where its secret is read at creation. */
export interface DeclaredClient {
  readonly entry: ClientEntry;
  readonly secret: SecretSource | null;
}

/** A validated trust document: issuers keyed by `issuer`, clients by `client_id`, each key once. */
export interface TrustDocument {
  readonly issuers: readonly IssuerEntry[];
  readonly clients: readonly DeclaredClient[];
}

/** What a server holds now, in the document's terms; an issuer keeps its id for updates and deletes. */
export interface TrustState {
  readonly issuers: readonly { readonly id: string; readonly entry: IssuerEntry }[];
  readonly clients: readonly ClientEntry[];
}

/** The token endpoint auth methods whose clients hold a secret. */
export const SECRET_AUTH_METHODS: readonly string[] = ["client_secret_basic", "client_secret_post"];
