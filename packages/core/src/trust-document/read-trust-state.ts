import type { Engine } from "../engine/engine.js";
import { clientToWire } from "../wire/client-to-wire.js";
import { issuerToWire } from "../wire/issuer-to-wire.js";
import type { TrustState } from "./trust-document.js";
import { trustStateFromWire } from "./trust-state-from-wire.js";

/**
 * Every issuer and client the engine holds, in the document's terms: their admin API form read by the
 * document's parser, as the CLI reads a server's, so both compare with a document alike.
 */
export async function readTrustState(engine: Engine): Promise<TrustState> {
  const [issuers, clients] = await Promise.all([engine.issuers.list(), engine.clients.list()]);
  return trustStateFromWire({ issuers: issuers.map(issuerToWire), clients: clients.map(clientToWire) });
}
