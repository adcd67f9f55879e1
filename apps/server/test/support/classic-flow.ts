import { ecCertificate, importTestKey, signTestJws } from "@jwtgrant/core/testing";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { ADMIN_TOKEN } from "./server-process.js";

export const JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
export const PARTNER = "https://partner.example.com";

export interface RegisteredClient {
  readonly clientId: string;
  readonly clientSecret: string;
}

export async function admin(url: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${url}/admin${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function expectStatus(response: Response, status: number): Promise<unknown> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return text === "" ? undefined : JSON.parse(text);
}

/** Registers the partner issuer by its PEM certificate and a client with both grants. */
export async function registerPartner(url: string): Promise<RegisteredClient & { issuerId: string }> {
  const issuer = (await expectStatus(
    await admin(url, "POST", "/issuers", {
      issuer: PARTNER,
      certificate: ecCertificate.certificate,
      scope: "orders:read",
    }),
    201,
  )) as { id: string };
  const client = (await expectStatus(
    await admin(url, "POST", "/clients", {
      grant_types: [JWT_BEARER, "refresh_token"],
      scope: "orders:read",
    }),
    201,
  )) as { client_id: string; client_secret: string };
  return { issuerId: issuer.id, clientId: client.client_id, clientSecret: client.client_secret };
}

/** An assertion the partner signs with its certificate's key, for the server at `url`. */
export async function partnerAssertion(url: string, jti: string = crypto.randomUUID()): Promise<string> {
  const key = await importTestKey("ES256", ecCertificate.testOnlyPrivateKeyPkcs8);
  const now = Math.floor(Date.now() / 1000);
  return signTestJws(key, {
    iss: PARTNER,
    sub: "batch-job",
    aud: `${url}/oauth2/token`,
    iat: now,
    exp: now + 120,
    jti,
  });
}

/** A form POST authenticated with HTTP Basic. */
export function oauthPost(
  url: string,
  path: string,
  client: RegisteredClient,
  params: Record<string, string>,
) {
  return fetch(`${url}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${btoa(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`)}`,
    },
    body: new URLSearchParams(params).toString(),
  });
}

export interface Tokens {
  readonly access_token: string;
  readonly refresh_token: string;
}

export async function exchange(url: string, client: RegisteredClient, assertion: string): Promise<Tokens> {
  return (await expectStatus(
    await oauthPost(url, "/oauth2/token", client, { grant_type: JWT_BEARER, assertion }),
    200,
  )) as Tokens;
}

export async function refresh(url: string, client: RegisteredClient, refreshToken: string): Promise<Tokens> {
  return (await expectStatus(
    await oauthPost(url, "/oauth2/token", client, {
      grant_type: "refresh_token",
      refresh_token: refreshToken,
    }),
    200,
  )) as Tokens;
}

export async function introspect(
  url: string,
  client: RegisteredClient,
  token: string,
): Promise<Record<string, unknown>> {
  return (await expectStatus(await oauthPost(url, "/oauth2/introspect", client, { token }), 200)) as Record<
    string,
    unknown
  >;
}

/** Verifies an access token as a resource server would: against the server's published JWKS. */
export async function verifyAccessToken(url: string, token: string, issuer = url) {
  const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(`${url}/oauth2/jwks`)), {
    issuer,
    typ: "at+jwt",
  });
  return payload;
}

/** The whole classic flow against a running server; throws at the first step that fails. */
export async function runClassicFlow(url: string): Promise<void> {
  const client = await registerPartner(url);
  const tokens = await exchange(url, client, await partnerAssertion(url));
  const claims = await verifyAccessToken(url, tokens.access_token);
  if (claims.sub !== "batch-job" || claims.client_id !== client.clientId)
    throw new Error("unexpected claims");
  const refreshed = await refresh(url, client, tokens.refresh_token);
  await expectStatus(await oauthPost(url, "/oauth2/revoke", client, { token: refreshed.access_token }), 200);
  const after = await introspect(url, client, refreshed.access_token);
  if (after.active !== false) throw new Error("revoked token still active");
  const first = await introspect(url, client, tokens.access_token);
  if (first.active !== true) throw new Error("access token not active");
}
