import { readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import {
  CLIENT_SECRET_PREFIX,
  JWT_BEARER_GRANT,
  type PublicJwkSet,
  REFRESH_TOKEN_GRANT,
} from "@jwtgrant/core";
import { expectTokenResponse } from "@jwtgrant/core/testing";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult, failureLine, runCli } from "./support/run-cli.js";
import { ADMIN_TOKEN, type RunningServer, startServer, tempDir } from "./support/server-process.js";

let server: RunningServer;
let dataDir: string;
let work: string;

beforeAll(async () => {
  dataDir = await tempDir("flow-data");
  work = await tempDir("flow");
  server = await startServer(dataDir);
});

afterAll(async () => {
  expect(await server?.stop()).toBe(0);
  await Promise.all([dataDir, work].map((dir) => rm(dir, { recursive: true, force: true })));
});

const admin = () => ["--url", server.url, "--admin-token", ADMIN_TOKEN, "--json"];

function json(result: CliResult): Record<string, unknown> {
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

function jsonOf(value: unknown): Record<string, unknown> {
  expect(value).toBeTypeOf("object");
  return value as Record<string, unknown>;
}

async function registerIssuer(alg: string, issuer: string): Promise<{ dir: string; kid: string }> {
  const dir = join(work, new URL(issuer).hostname);
  const keys = json(
    await runCli(["keygen", "--alg", alg, "--out", dir, "--subject", `${alg} test issuer`, "--json"]),
  );
  const added = json(
    await runCli([
      "issuers",
      "add",
      "--issuer",
      issuer,
      "--certificate",
      join(dir, "certificate.pem"),
      "--scope",
      "orders:read orders:write",
      ...admin(),
    ]),
  );
  expect(added.certificate).toBe((await readFile(join(dir, "certificate.pem"), "utf8")).trim());
  return { dir, kid: String(keys.kid) };
}

async function addClient(): Promise<{ clientId: string; clientSecret: string }> {
  const client = json(
    await runCli([
      "clients",
      "add",
      "--name",
      "Orders app",
      "--grant-types",
      "jwt-bearer,refresh_token",
      "--scope",
      "orders:read",
      ...admin(),
    ]),
  );
  expect(client.grant_types).toEqual([JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT]);
  expect(String(client.client_secret)).toMatch(new RegExp(`^${CLIENT_SECRET_PREFIX}`));
  return { clientId: String(client.client_id), clientSecret: String(client.client_secret) };
}

async function signAssertion(dir: string, issuer: string, ...extra: string[]): Promise<string> {
  const result = await runCli([
    "assertion",
    "--key",
    join(dir, "private-key.pem"),
    "--iss",
    issuer,
    "--sub",
    "alice",
    "--aud",
    server.tokenEndpoint,
    ...extra,
  ]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return result.stdout.trim();
}

const token = (client: { clientId: string; clientSecret: string }, ...grant: string[]) =>
  runCli([
    "token",
    "--url",
    server.url,
    "--client-id",
    client.clientId,
    "--client-secret",
    client.clientSecret,
    ...grant,
  ]);

describe("the classic flow through the CLI alone", () => {
  it("keygen → issuers add --certificate → clients add → assertion → token → decode → refresh → keys rotate", async () => {
    const issuer = "https://partner.example.com";
    const { dir, kid } = await registerIssuer("ES256", issuer);
    expect((await stat(join(dir, "private-key.pem"))).mode & 0o777).toBe(0o600);
    const client = await addClient();

    const assertion = await signAssertion(dir, issuer, "--scope", "orders:read");
    const decodedAssertion = json(await runCli(["decode", assertion, "--json"]));
    expect(decodedAssertion.header).toEqual({ alg: "ES256", kid, typ: "JWT" });
    const assertionClaims = jsonOf(decodedAssertion.claims);
    expect(assertionClaims).toMatchObject({ iss: issuer, sub: "alice", aud: server.tokenEndpoint });
    expect(Number(assertionClaims.exp) - Number(assertionClaims.iat)).toBe(300);
    expect(assertionClaims.jti).toMatch(/^[0-9a-f-]{36}$/);

    const issued = json(await token(client, "--assertion", assertion, "--json"));
    await expectTokenResponse(issued, {
      jwks: (await (await fetch(`${server.url}/oauth2/jwks`)).json()) as PublicJwkSet,
      issuer: server.url,
      subject: "alice",
      clientId: client.clientId,
      assertionIssuer: issuer,
      scope: "orders:read",
      refreshToken: true,
      expiresInSeconds: 3600,
    });
    const accessToken = String(issued.access_token);

    const decoded = json(await runCli(["decode", accessToken, "--json"]));
    expect(decoded.claims).toMatchObject({
      iss: server.url,
      sub: "alice",
      client_id: client.clientId,
      scope: "orders:read",
    });
    expect(decoded.expired).toBe(false);
    expect(jsonOf(decoded.dates).exp).toBe(new Date(Number(jsonOf(decoded.claims).exp) * 1000).toISOString());
    const jwks = createRemoteJWKSet(new URL(`${server.url}/oauth2/jwks`));
    const verified = await jwtVerify(accessToken, jwks, { issuer: server.url });
    expect(verified.payload.sub).toBe("alice");

    const refreshed = json(await token(client, "--refresh-token", String(issued.refresh_token), "--json"));
    expect(refreshed.access_token).not.toBe(accessToken);
    expect(refreshed.refresh_token).not.toBe(issued.refresh_token);
    expect(failureLine(await token(client, "--refresh-token", String(issued.refresh_token)))).toMatch(
      /^jwtgrant: invalid_grant: /,
    );

    const keysBefore = json(await runCli(["keys", "list", ...admin()]));
    const activeBefore = jsonOf((keysBefore.items as unknown[])[0]);
    expect(jsonOf(decoded.header).kid).toBe(activeBefore.kid);
    const rotated = json(await runCli(["keys", "rotate", ...admin()]));
    expect(rotated).toMatchObject({ status: "active", alg: "ES256" });
    expect(rotated.kid).not.toBe(activeBefore.kid);
    const keysAfter = json(await runCli(["keys", "list", ...admin()]));
    expect((keysAfter.items as unknown[]).map((key) => jsonOf(key).status).sort()).toEqual([
      "active",
      "retired",
    ]);

    const afterRotation = json(
      await token(client, "--assertion", await signAssertion(dir, issuer), "--json"),
    );
    const newHeader = json(await runCli(["decode", String(afterRotation.access_token), "--json"])).header;
    expect(jsonOf(newHeader).kid).toBe(rotated.kid);
  });

  it("prints the token response as a readable record by default", async () => {
    const issuer = "https://readable.example.com";
    const { dir } = await registerIssuer("ES256", issuer);
    const result = await token(await addClient(), "--assertion", await signAssertion(dir, issuer));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^access_token {3}eyJ/m);
    expect(result.stdout).toMatch(/^token_type {5}Bearer$/m);
    expect(result.stdout).toMatch(/^refresh_token {2}\S+$/m);
  });

  it.each(["RS256", "EdDSA"])(
    "accepts a %s keygen certificate and an assertion signed with its key",
    async (alg) => {
      const issuer = `https://${alg.toLowerCase()}.example.com`;
      const { dir, kid } = await registerIssuer(alg, issuer);
      const assertion = await signAssertion(dir, issuer);
      expect(json(await runCli(["decode", assertion, "--json"])).header).toEqual({ alg, kid, typ: "JWT" });
      const issued = json(await token(await addClient(), "--assertion", assertion, "--json"));
      expect(issued.token_type).toBe("Bearer");
    },
  );
});

describe("token failures show the server's error in one line", () => {
  it("refuses an expired assertion", async () => {
    const issuer = "https://expired.example.com";
    const { dir } = await registerIssuer("ES256", issuer);
    const past = Math.floor(Date.now() / 1000) - 600;
    const expired = await signAssertion(dir, issuer, "--claim", `iat=${past - 60}`, "--claim", `exp=${past}`);
    const decoded = await runCli(["decode", expired]);
    expect(decoded.stdout).toMatch(/^expired {2}yes$/m);

    const result = await token(await addClient(), "--assertion", expired);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(failureLine(result)).toBe("jwtgrant: invalid_grant: the assertion has expired");
  });

  it("refuses a replayed assertion and a wrong client secret", async () => {
    const issuer = "https://replay.example.com";
    const { dir } = await registerIssuer("ES256", issuer);
    const client = await addClient();
    const assertion = await signAssertion(dir, issuer);
    expect((await token(client, "--assertion", assertion)).code).toBe(0);
    const replayed = await token(client, "--assertion", assertion);
    expect(replayed.code).toBe(1);
    expect(failureLine(replayed)).toBe("jwtgrant: invalid_grant: the assertion has already been used");

    const wrongSecret = await token({ ...client, clientSecret: "not-the-secret" }, "--assertion", assertion);
    expect(wrongSecret.code).toBe(1);
    expect(failureLine(wrongSecret)).toBe("jwtgrant: invalid_client: client authentication failed");
  });
});
