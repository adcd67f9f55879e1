import { admin, JWT_BEARER, oauthPost, type RegisteredClient } from "./classic-flow.js";

async function created(pending: Promise<Response>): Promise<Record<string, unknown>> {
  const response = await pending;
  const text = await response.text();
  if (response.status !== 201) throw new Error(`expected 201, got ${response.status}: ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** Registers a trusted issuer through the admin API; any answer but 201 throws with the body. */
export const createIssuer = (url: string, issuer: Record<string, unknown>) =>
  created(admin(url, "POST", "/issuers", issuer));

/** Registers a client of the jwt-bearer grant through the admin API. */
export async function createClient(url: string, client: Record<string, unknown>): Promise<RegisteredClient> {
  const body = await created(admin(url, "POST", "/clients", client));
  return { clientId: String(body.client_id), clientSecret: String(body.client_secret) };
}

export interface TokenAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** Posts `assertion` to the token endpoint as `client` and reads the answer, whatever its status. */
export async function exchangeAssertion(
  url: string,
  client: RegisteredClient,
  assertion: string,
): Promise<TokenAnswer> {
  const response = await oauthPost(url, "/oauth2/token", client, { grant_type: JWT_BEARER, assertion });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
