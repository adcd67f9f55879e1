import type { Client } from "../domain/client.js";

/** Persistence of registered clients, keyed by the unique `clientId`. */
export interface ClientStore {
  findById(clientId: string): Promise<Client | null>;
  /** Every client, ordered by creation time. */
  list(): Promise<Client[]>;
  /** Inserts; `"duplicate"` when the `clientId` is taken. */
  insert(client: Client): Promise<"inserted" | "duplicate">;
  /** Replaces the record with the same `clientId`; `false` if there was none. */
  update(client: Client): Promise<boolean>;
  /** Removes the client; `false` if there was none. */
  delete(clientId: string): Promise<boolean>;
}
