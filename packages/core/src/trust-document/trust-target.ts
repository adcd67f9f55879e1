import type { ClientEntry, IssuerEntry } from "./trust-document.js";

/** An issuer's create or patch body in the admin API's wire form. */
export interface IssuerBody extends Partial<Omit<IssuerEntry, "subjects">> {
  readonly subjects?: readonly string[];
  readonly allow_any_subject?: true;
}

/** A client's create or patch body in the admin API's wire form; a secret on create only. */
export interface ClientBody extends Partial<ClientEntry> {
  readonly client_secret?: string;
}

/**
 * Where a plan is carried out: the admin API over HTTP (the CLI) or the engine's admin use cases (the
 * server's bootstrap). Each call either succeeds whole or throws.
 */
export interface TrustTarget {
  createIssuer(body: IssuerBody): Promise<void>;
  updateIssuer(id: string, patch: IssuerBody): Promise<void>;
  deleteIssuer(id: string): Promise<void>;
  createClient(body: ClientBody): Promise<void>;
  updateClient(clientId: string, patch: ClientBody): Promise<void>;
  deleteClient(clientId: string): Promise<void>;
}
