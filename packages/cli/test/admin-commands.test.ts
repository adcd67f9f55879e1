import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult, failureLine, runCli } from "./support/run-cli.js";
import { ADMIN_TOKEN, freePort, type RunningServer, startServer, tempDir } from "./support/server-process.js";

let server: RunningServer;
let dataDir: string;
let keys: string;

beforeAll(async () => {
  dataDir = await tempDir("admin-data");
  keys = await tempDir("admin-keys");
  server = await startServer(dataDir);
  expect((await runCli(["keygen", "--alg", "RS256", "--out", keys])).code).toBe(0);
});

afterAll(async () => {
  expect(await server?.stop()).toBe(0);
  await Promise.all([dataDir, keys].map((dir) => rm(dir, { recursive: true, force: true })));
});

const admin = (...args: string[]) => runCli([...args, "--url", server.url, "--admin-token", ADMIN_TOKEN]);

function json(result: CliResult): Record<string, unknown> {
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

function items(result: CliResult): Record<string, unknown>[] {
  return json(result).items as Record<string, unknown>[];
}

describe("issuers", () => {
  it("adds, lists, shows, updates and removes an issuer", async () => {
    const added = json(
      await admin(
        "issuers",
        "add",
        "--issuer",
        "https://jwks.example.com",
        "--name",
        "JWKS issuer",
        "--jwks",
        join(keys, "public-jwks.json"),
        "--algorithms",
        "RS256",
        "--subject",
        "alice",
        "--subject",
        "bob",
        "--expires-at",
        "2031-01-01T00:00:00Z",
        "--disable",
        "--json",
      ),
    );
    expect(added).toMatchObject({
      issuer: "https://jwks.example.com",
      name: "JWKS issuer",
      algorithms: ["RS256"],
      allow_any_subject: false,
      subjects: ["alice", "bob"],
      expires_at: "2031-01-01T00:00:00.000Z",
      enabled: false,
    });
    const id = String(added.id);

    const table = await admin("issuers", "list");
    expect(table.code).toBe(0);
    const [header, row] = table.stdout.split("\n");
    expect(header).toMatch(/^ID +ISSUER +NAME +KEYS +RULES +SUBJECTS +SCOPE +ENABLED +EXPIRES AT$/);
    expect(row).toMatch(
      new RegExp(`^${id} +https://jwks\\.example\\.com +JWKS issuer +jwks +- +alice, bob +- +no +2031`),
    );

    const shown = await admin("issuers", "show", id);
    expect(shown.stdout).toMatch(/^issuer +https:\/\/jwks\.example\.com$/m);
    expect(shown.stdout).toMatch(/^enabled +no$/m);

    const updated = json(
      await admin("issuers", "update", id, "--enable", "--any-subject", "--scope", "orders:read", "--json"),
    );
    expect(updated).toMatchObject({ enabled: true, allow_any_subject: true, scope: "orders:read" });
    expect(json(await admin("issuers", "show", id, "--json"))).toEqual(updated);

    const removed = await admin("issuers", "remove", id);
    expect(removed).toMatchObject({ code: 0, stdout: `removed issuer ${id}\n` });
    const gone = await admin("issuers", "show", id);
    expect(gone.code).toBe(1);
    expect(failureLine(gone)).toBe(`jwtgrant: not_found: no trusted issuer ${id}`);
  });

  it("reports a duplicate, a bad certificate and a missing key source with the server's error", async () => {
    const certificate = join(keys, "certificate.pem");
    expect(
      (await admin("issuers", "add", "--issuer", "https://dup.example.com", "--certificate", certificate))
        .code,
    ).toBe(0);
    const duplicate = await admin(
      "issuers",
      "add",
      "--issuer",
      "https://dup.example.com",
      "--certificate",
      certificate,
    );
    expect(duplicate.code).toBe(1);
    expect(failureLine(duplicate)).toBe(
      "jwtgrant: conflict: an issuer https://dup.example.com is already registered",
    );

    const notACertificate = await admin(
      "issuers",
      "add",
      "--issuer",
      "https://bad.example.com",
      "--certificate",
      join(keys, "private-key.pem"),
    );
    expect(notACertificate.code).toBe(1);
    expect(failureLine(notACertificate)).toMatch(/^jwtgrant: invalid_request: certificate: /);

    const noKeys = await admin("issuers", "add", "--issuer", "https://nokeys.example.com");
    expect(noKeys.code).toBe(1);
    expect(failureLine(noKeys)).toMatch(
      /^jwtgrant: invalid_request: .*exactly one of certificate, certificates, jwks, jwks_uri or discovery/,
    );
  });

  it("registers several certificates with a repeated --certificate, and names a bad one by its index", async () => {
    const other = await tempDir("admin-keys-ec");
    expect((await runCli(["keygen", "--alg", "ES256", "--out", other])).code).toBe(0);
    const pems = [join(keys, "certificate.pem"), join(other, "certificate.pem")];
    const added = json(
      await admin(
        "issuers",
        "add",
        "--issuer",
        "https://rollover.example.com",
        "--certificate",
        pems[0] ?? "",
        "--certificate",
        pems[1] ?? "",
        "--json",
      ),
    );
    expect(added.certificates).toEqual(
      await Promise.all(pems.map(async (pem) => (await readFile(pem, "utf8")).trim())),
    );
    expect(added).not.toHaveProperty("certificate");
    const updated = json(
      await admin("issuers", "update", String(added.id), "--certificate", pems[1] ?? "", "--json"),
    );
    expect(updated.certificate).toBe((await readFile(pems[1] ?? "", "utf8")).trim());
    const bad = await admin(
      "issuers",
      "update",
      String(added.id),
      "--certificate",
      pems[0] ?? "",
      "--certificate",
      join(other, "private-key.pem"),
    );
    expect(bad.code).toBe(1);
    expect(failureLine(bad)).toMatch(/^jwtgrant: invalid_request: certificates\[1\]: /);
    await rm(other, { recursive: true, force: true });
  });

  it("refuses two key sources, and --subject with --any-subject, as usage errors", async () => {
    const both = await admin(
      "issuers",
      "add",
      "--issuer",
      "https://two.example.com",
      "--certificate",
      join(keys, "certificate.pem"),
      "--jwks-uri",
      "https://two.example.com/jwks",
    );
    expect(both.code).toBe(2);
    expect(failureLine(both)).toMatch(
      /^jwtgrant: option '--certificate <file>' cannot be used with option '--jwks-uri/,
    );
    const subjects = await admin("issuers", "update", "x", "--subject", "a", "--any-subject");
    expect(subjects.code).toBe(2);
  });

  it("says which file it cannot read", async () => {
    const missing = await admin(
      "issuers",
      "add",
      "--issuer",
      "https://x.example.com",
      "--jwks",
      join(keys, "nope.json"),
    );
    expect(missing.code).toBe(1);
    expect(failureLine(missing)).toBe(`jwtgrant: cannot read ${join(keys, "nope.json")}: no such file`);
    const notJson = await admin(
      "issuers",
      "add",
      "--issuer",
      "https://x.example.com",
      "--jwks",
      join(keys, "certificate.pem"),
    );
    expect(failureLine(notJson)).toBe(`jwtgrant: ${join(keys, "certificate.pem")} is not valid JSON`);
  });
});

describe("clients", () => {
  it("prints client_id and client_secret once, and never again", async () => {
    const added = await admin("clients", "add", "--name", "Shown once", "--scope", "orders:read");
    expect(added.code).toBe(0);
    const [idLine, secretLine] = added.stdout.split("\n");
    const clientId = idLine?.match(/^client_id +(\S+)$/)?.[1];
    const clientSecret = secretLine?.match(/^client_secret +(\S+)$/)?.[1];
    expect(clientId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(clientSecret).toMatch(/^jgcs_/);
    expect(added.stdout).toContain("shown only now");

    const shown = await admin("clients", "show", String(clientId), "--json");
    expect(json(shown)).not.toHaveProperty("client_secret");
    const listed = await admin("clients", "list");
    expect(listed.stdout).toMatch(
      new RegExp(`^${clientId} +Shown once +client_secret_basic +jwt-bearer +orders:read$`, "m"),
    );
    expect(listed.stdout + shown.stdout).not.toContain(String(clientSecret));
  });

  it("updates, rotates the secret of, and removes a client", async () => {
    const created = json(
      await admin("clients", "add", "--grant-types", "jwt-bearer,refresh_token", "--json"),
    );
    const clientId = String(created.client_id);
    const updated = json(
      await admin(
        "clients",
        "update",
        clientId,
        "--access-token-ttl",
        "600",
        "--redirect-uri",
        "https://app.example.com/a",
        "--redirect-uri",
        "https://app.example.com/b",
        "--json",
      ),
    );
    expect(updated).toMatchObject({
      access_token_ttl: 600,
      redirect_uris: ["https://app.example.com/a", "https://app.example.com/b"],
    });

    const rotated = json(await admin("clients", "rotate-secret", clientId, "--json"));
    expect(rotated.client_secret).toMatch(/^jgcs_/);
    expect(rotated.client_secret).not.toBe(created.client_secret);
    // Client authentication comes before the grant: the old secret fails as a client, the new one as a grant.
    const exchange = (secret: unknown) =>
      runCli([
        "token",
        "--url",
        server.url,
        "--client-id",
        clientId,
        "--client-secret",
        String(secret),
        "--refresh-token",
        "x",
      ]);
    expect(failureLine(await exchange(created.client_secret))).toMatch(/^jwtgrant: invalid_client: /);
    expect(failureLine(await exchange(rotated.client_secret))).toMatch(/^jwtgrant: invalid_grant: /);

    expect(await admin("clients", "remove", clientId)).toMatchObject({
      code: 0,
      stdout: `removed client ${clientId}\n`,
    });
    expect(items(await admin("clients", "list", "--json")).map((client) => client.client_id)).not.toContain(
      clientId,
    );
    const gone = await admin("clients", "rotate-secret", clientId);
    expect(gone.code).toBe(1);
    expect(failureLine(gone)).toMatch(/^jwtgrant: not_found: /);
  });

  it("imports a client with its id and its existing secret, which it never prints", async () => {
    const secretFile = join(keys, "imported-secret");
    const secret = "Imported-secret-from-the-old-server-7Qx9Lm2Rv5Tz";
    await writeFile(secretFile, `${secret}\n`);
    const added = await admin(
      "clients",
      "add",
      "--client-id",
      "legacy-orders",
      "--client-secret-file",
      secretFile,
      "--grant-types",
      "jwt-bearer,refresh_token",
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^client_id +legacy-orders$/m);
    expect(added.stdout).not.toContain(secret);
    expect(added.stdout).not.toContain("shown only now");
    // The imported secret authenticates the client: the refusal is the grant's, not the client's.
    const exchange = (clientSecret: string) =>
      runCli([
        "token",
        "--url",
        server.url,
        "--client-id",
        "legacy-orders",
        "--client-secret",
        clientSecret,
        "--refresh-token",
        "x",
      ]);
    expect(failureLine(await exchange(secret))).toMatch(/^jwtgrant: invalid_grant: /);
    expect(failureLine(await exchange(`${secret}\n`))).toMatch(/^jwtgrant: invalid_client: /);

    await writeFile(secretFile, "aaaaaaaaaaaaaaaa\n");
    const weak = await admin("clients", "add", "--client-id", "weak", "--client-secret-file", secretFile);
    expect(weak.code).toBe(1);
    expect(failureLine(weak)).toMatch(/^jwtgrant: invalid_request: client_secret: /);
  });

  it("refuses a bad TTL and an unknown auth method as usage errors", async () => {
    const ttl = await admin("clients", "add", "--access-token-ttl", "soon");
    expect(ttl.code).toBe(2);
    expect(failureLine(ttl)).toBe(
      "jwtgrant: option '--access-token-ttl <seconds>' argument 'soon' is invalid. must be a positive whole number",
    );
    const method = await admin("clients", "add", "--auth-method", "password");
    expect(method.code).toBe(2);
    expect(failureLine(method)).toMatch(
      /^jwtgrant: option '--auth-method <method>' argument 'password' is invalid/,
    );
  });
});

describe("keys", () => {
  it("lists the signing keys as a table", async () => {
    const table = await admin("keys", "list");
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(
      /^KID +ALG +STATUS +CREATED AT +PUBLISHED UNTIL\n\S+ +ES256 +active +\S+ +-\n/,
    );
  });
});

describe("admin failures", () => {
  const commands = [
    ["issuers", "list"],
    ["issuers", "show", "some-id"],
    ["clients", "list"],
    ["clients", "add"],
    ["keys", "list"],
    ["keys", "rotate"],
  ];

  it.each(commands)(
    "%s %s: a wrong admin token is one line, exit 1, without the token",
    async (...command) => {
      const result = await runCli([
        ...command,
        "--url",
        server.url,
        "--admin-token",
        "wrong-token-but-long-enough-000000",
      ]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      expect(failureLine(result)).toBe("jwtgrant: invalid_token: a valid admin bearer token is required");
    },
  );

  it.each(commands)("%s %s: an unreachable server is one line, exit 1", async (...command) => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const result = await runCli([...command, "--url", url, "--admin-token", ADMIN_TOKEN]);
    expect(result.code).toBe(1);
    expect(failureLine(result)).toBe(`jwtgrant: cannot reach the server at ${url}: connection refused`);
  });

  it("needs an admin token: a usage error, exit 2", async () => {
    const result = await runCli(["issuers", "list", "--url", server.url]);
    expect(result.code).toBe(2);
    expect(failureLine(result)).toBe("jwtgrant: required option '--admin-token <token>' not specified");
  });

  it("takes the URL and the admin token from JWTGRANT_URL and JWTGRANT_ADMIN_TOKEN", async () => {
    const result = await runCli(["keys", "list", "--json"], {
      env: { JWTGRANT_URL: server.url, JWTGRANT_ADMIN_TOKEN: ADMIN_TOKEN },
    });
    expect(result.code).toBe(0);
    expect(items(result)).toEqual([
      expect.objectContaining({ alg: "ES256", status: "active", publish_until: null }),
    ]);
  });

  it("refuses a --url that is not http(s) as a usage error", async () => {
    const result = await runCli(["keys", "list", "--url", "ftp://example.com", "--admin-token", ADMIN_TOKEN]);
    expect(result.code).toBe(2);
    expect(failureLine(result)).toBe(
      "jwtgrant: option '--url <url>' argument 'ftp://example.com' is invalid. must be an http or https URL",
    );
  });
});
