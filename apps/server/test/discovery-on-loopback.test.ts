import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../src/testing/server-process.js";
import type { RegisteredClient } from "./support/classic-flow.js";
import { type DocumentHost, startDocumentHost } from "./support/document-host.js";
import { createIssuerKey, type IssuerKey } from "./support/issuer-key.js";
import { nextLogRecord } from "./support/log-records.js";
import { type ServerOnTestDatabase, startServerOnTestDatabase } from "./support/server-on-test-database.js";
import { githubActionsClaims } from "./support/workload-claims.js";
import { createClient, createIssuer, exchangeAssertion } from "./support/workload-flow.js";

const SERVER = "https://sts.jwtgrant.test";
const GITHUB = "https://token.actions.githubusercontent.com";
const WELL_KNOWN = "/.well-known/openid-configuration";
const UNAVAILABLE = {
  status: 503,
  body: {
    error: "temporarily_unavailable",
    error_description: "the issuer's keys could not be fetched, retry later",
  },
};

/** OpenID Provider metadata as GitHub publishes it, for an issuer and the key set it names. */
const providerMetadata = (issuer: string, jwksUri: string) => ({
  issuer,
  jwks_uri: jwksUri,
  subject_types_supported: ["public", "pairwise"],
  response_types_supported: ["id_token"],
  id_token_signing_alg_values_supported: ["RS256"],
  scopes_supported: ["openid"],
});

describe("OpenID Provider discovery of issuers on loopback", () => {
  let running: ServerOnTestDatabase;
  let host: DocumentHost;
  let client: RegisteredClient;

  const url = () => running.server.url;
  /** A GitHub-shaped job token of `issuer`, signed with `key`. */
  const jobToken = (issuer: string, key: IssuerKey) =>
    key.sign(githubActionsClaims({ issuer, audience: SERVER, now: Math.floor(Date.now() / 1000) }), {
      typ: "JWT",
    });

  beforeAll(async () => {
    [running, host] = await Promise.all([
      // No cooldown: an unknown kid refetches at once, so the rotation below needs no waiting.
      startServerOnTestDatabase({ JWTGRANT_ISSUER: SERVER, JWTGRANT_JWKS_COOLDOWN: "0" }),
      startDocumentHost(),
    ]);
    client = await createClient(url(), { client_name: "deployments" });
  });

  afterAll(async () => {
    await host?.close();
    expect(await running?.stop()).toBe(0);
  });

  it("follows a key rotation: a new kid refetches the metadata and the key set it names now", async () => {
    const issuer = `${host.origin}/rotating`;
    const [first, second] = await Promise.all([
      createIssuerKey("RS256", "rotating-2026-11"),
      createIssuerKey("RS256", "rotating-2026-12"),
    ]);
    host.serve(`/rotating${WELL_KNOWN}`, providerMetadata(issuer, `${issuer}/keys/1`));
    host.serve("/rotating/keys/1", { keys: [first.publicJwk] });
    await createIssuer(url(), { issuer, discovery: true });

    expect((await exchangeAssertion(url(), client, await jobToken(issuer, first))).status).toBe(200);
    expect([host.hits(`/rotating${WELL_KNOWN}`), host.hits("/rotating/keys/1")]).toEqual([1, 1]);

    // The issuer rotates, publishing the new key beside the old one at a new address.
    host.serve("/rotating/keys/2", { keys: [second.publicJwk, first.publicJwk] });
    host.serve(`/rotating${WELL_KNOWN}`, providerMetadata(issuer, `${issuer}/keys/2`));
    expect((await exchangeAssertion(url(), client, await jobToken(issuer, second))).status).toBe(200);
    expect(
      [`/rotating${WELL_KNOWN}`, "/rotating/keys/1", "/rotating/keys/2"].map((path) => host.hits(path)),
    ).toEqual([2, 1, 1]);

    // A token of the old key still verifies, from the cache.
    expect((await exchangeAssertion(url(), client, await jobToken(issuer, first))).status).toBe(200);
    expect(
      [`/rotating${WELL_KNOWN}`, "/rotating/keys/1", "/rotating/keys/2"].map((path) => host.hits(path)),
    ).toEqual([2, 1, 1]);
  });

  it("answers 503 for metadata naming another issuer, as for an unreachable key set, and logs why", async () => {
    const key = await createIssuerKey("RS256", "impostor-1");
    host.serve("/keys", { keys: [key.publicJwk] });
    // A host passing off its keys as GitHub's: the metadata's issuer is not the one registered.
    const impostor = `${host.origin}/impostor`;
    host.serve(`/impostor${WELL_KNOWN}`, providerMetadata(GITHUB, `${host.origin}/keys`));
    // Metadata naming a key set that nothing serves.
    const stranded = `${host.origin}/stranded`;
    const closedPort = await freePort();
    const closed = `http://127.0.0.1:${closedPort}/keys`;
    host.serve(`/stranded${WELL_KNOWN}`, providerMetadata(stranded, closed));

    const cases = [
      [impostor, `metadata at ${impostor}${WELL_KNOWN} names issuer "${GITHUB}" instead of "${impostor}"`],
      [stranded, `fetching ${closed} failed: fetch failed: connect ECONNREFUSED 127.0.0.1:${closedPort}`],
    ] as const;
    for (const [issuer, detail] of cases) {
      await createIssuer(url(), { issuer, discovery: true });
      const assertion = await jobToken(issuer, key);
      expect(await exchangeAssertion(url(), client, assertion)).toStrictEqual(UNAVAILABLE);
      const record = await nextLogRecord(running.server, (candidate) => candidate.detail === detail);
      expect(record).toMatchObject({
        level: "error",
        method: "POST",
        path: "/oauth2/token",
        status: 503,
        error: "temporarily_unavailable",
        reason: "jwks_unavailable",
      });
      expect(running.server.output()).not.toContain(assertion);
    }
    expect(host.hits("/keys")).toBe(0);
  });
});
