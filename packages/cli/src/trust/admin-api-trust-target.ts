import type { TrustTarget } from "@jwtgrant/core";
import type { AdminClient } from "../http/admin-client.js";

const issuerPath = (id: string) => `/issuers/${encodeURIComponent(id)}`;
const clientPath = (clientId: string) => `/clients/${encodeURIComponent(clientId)}`;

/** A plan carried out through the admin API; a client created with its secret is an import. */
export function adminApiTrustTarget(admin: AdminClient): TrustTarget {
  return {
    async createIssuer(body) {
      await admin.post("/issuers", body);
    },
    async updateIssuer(id, patch) {
      await admin.patch(issuerPath(id), patch);
    },
    deleteIssuer: (id) => admin.delete(issuerPath(id)),
    async createClient(body) {
      await admin.post("/clients", body);
    },
    async updateClient(clientId, patch) {
      await admin.patch(clientPath(clientId), patch);
    },
    deleteClient: (clientId) => admin.delete(clientPath(clientId)),
  };
}
