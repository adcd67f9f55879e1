import { type Client, type ClientWithSecret, clientToWire as writeClient } from "@jwtgrant/core";
import type { ClientWire, ClientWithSecretWire } from "./client-schemas.js";

/** The client as core writes the wire form; the schema only documents that form. */
export const clientToWire = (client: Client): ClientWire => writeClient(client) as ClientWire;

/** The create and secret-rotation responses: the only ones that carry the secret in clear. */
export function clientWithSecretToWire({ client, clientSecret }: ClientWithSecret): ClientWithSecretWire {
  return { ...clientToWire(client), client_secret: clientSecret };
}
