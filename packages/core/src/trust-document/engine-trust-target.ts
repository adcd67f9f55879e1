import type { AdminActor } from "../domain/admin-actor.js";
import type { Engine } from "../engine/engine.js";
import { clientCreateInputFromWire, clientInputFromWire } from "../wire/client-from-wire.js";
import { issuerInputFromWire, issuerPatchFromWire } from "../wire/issuer-from-wire.js";
import type { TrustTarget } from "./trust-target.js";

/**
 * A plan carried out by the engine's admin use cases, as the server's start-up bootstrap does; the audit log
 * names `actor` for each change.
 */
export function engineTrustTarget(engine: Engine, actor: AdminActor): TrustTarget {
  return {
    async createIssuer(body) {
      await engine.issuers.create(actor, issuerInputFromWire({ ...body, issuer: body.issuer ?? "" }));
    },
    async updateIssuer(id, patch) {
      await engine.issuers.update(actor, id, issuerPatchFromWire(patch));
    },
    deleteIssuer: (id) => engine.issuers.delete(actor, id),
    async createClient(body) {
      await engine.clients.create(actor, clientCreateInputFromWire(body));
    },
    async updateClient(clientId, patch) {
      await engine.clients.update(actor, clientId, clientInputFromWire(patch));
    },
    deleteClient: (clientId) => engine.clients.delete(actor, clientId),
  };
}
