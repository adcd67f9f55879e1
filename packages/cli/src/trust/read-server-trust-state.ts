import { type TrustState, trustStateFromWire } from "@jwtgrant/core";
import type { AdminClient } from "../http/admin-client.js";
import { asItems } from "../output/response-shape.js";

/** What the server holds now, from its admin API lists, in a document's terms. */
export async function readServerTrustState(admin: AdminClient): Promise<TrustState> {
  const [issuers, clients] = await Promise.all([admin.get("/issuers"), admin.get("/clients")]);
  return trustStateFromWire({ issuers: asItems(issuers), clients: asItems(clients) });
}
