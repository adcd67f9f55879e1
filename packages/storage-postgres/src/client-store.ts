import type { Client, ClientStore } from "@jwtgrant/core";
import { asc, eq } from "drizzle-orm";
import type { Database } from "./database.js";
import type { DatabaseCalls } from "./database-calls.js";
import { guardPort } from "./guard-port.js";
import { clients } from "./schema.js";

type Row = typeof clients.$inferSelect;

const toRow = (client: Client): Row => ({
  ...client,
  grantTypes: [...client.grantTypes],
  scope: [...client.scope],
  redirectUris: [...client.redirectUris],
  resources: [...client.resources],
  trustedIssuers: client.trustedIssuers === null ? null : [...client.trustedIssuers],
});

export function createPgClientStore(db: Database, calls: DatabaseCalls): ClientStore {
  return guardPort<ClientStore>(calls, {
    async findById(clientId) {
      const [row] = await db.select().from(clients).where(eq(clients.clientId, clientId)).limit(1);
      return row ?? null;
    },
    list: () => db.select().from(clients).orderBy(asc(clients.createdAt), asc(clients.clientId)),
    async insert(client) {
      const inserted = await db
        .insert(clients)
        .values(toRow(client))
        .onConflictDoNothing()
        .returning({ id: clients.clientId });
      return inserted.length === 1 ? "inserted" : "duplicate";
    },
    async update(client) {
      const { clientId, ...changes } = toRow(client);
      const updated = await db
        .update(clients)
        .set(changes)
        .where(eq(clients.clientId, clientId))
        .returning({ id: clients.clientId });
      return updated.length === 1;
    },
    async delete(clientId) {
      const deleted = await db
        .delete(clients)
        .where(eq(clients.clientId, clientId))
        .returning({ id: clients.clientId });
      return deleted.length === 1;
    },
  });
}
