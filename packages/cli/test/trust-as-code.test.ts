import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createTestDatabase, hasPostgres, type TestDatabase } from "@jwtgrant/storage-postgres/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { failureLine, ok, runCli } from "./support/run-cli.js";
import { ADMIN_TOKEN, type RunningServer, startServer, tempDir } from "./support/server-process.js";

const SECRET = "f3Jk9LmQ2rT8vWx4Zb6Nc1Pd5Hs7Ge0A";
const SECRETS = "trust-as-code-test-secret-0123456789abcdef";
const GITHUB = "https://token.actions.githubusercontent.com";

const DOCUMENT = {
  version: 1,
  issuers: [
    {
      issuer: GITHUB,
      discovery: true,
      rules: [
        {
          name: "deploy-main",
          when: { repository_owner_id: { eq: "1342004" }, ref: { glob: "refs/heads/main" } },
          scope: "deploy",
        },
      ],
    },
    { issuer: "https://idp.example.com", jwks_uri: "https://idp.example.com/jwks", scope: "read" },
  ],
  clients: [
    { client_id: "orders-app", scope: "read deploy", client_secret_file: "orders-app.secret" },
    {
      client_id: "public-cli",
      token_endpoint_auth_method: "none",
      scope: "read",
      resources: ["https://api.example.com/orders"],
    },
  ],
};

interface Backend {
  readonly server: RunningServer;
  stop(): Promise<void>;
}

async function startBackend(database: TestDatabase | undefined): Promise<Backend> {
  const dataDir = await tempDir("trust-data");
  const env: Record<string, string> =
    database === undefined ? {} : { DATABASE_URL: database.url, JWTGRANT_SECRETS: SECRETS };
  const server = await startServer(dataDir, { env });
  return {
    server,
    async stop() {
      expect(await server.stop()).toBe(0);
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const backends = [
  { name: "PGlite", database: async () => undefined },
  ...(hasPostgres
    ? [{ name: "PostgreSQL", database: () => createTestDatabase({ prefix: "jwtgrant_cli_trust" }) }]
    : []),
];

describe.each(backends)("trust as code on $name", ({ database }) => {
  let first: Backend;
  let second: Backend;
  let files: string;

  beforeAll(async () => {
    files = await tempDir("trust-files");
    [first, second] = await Promise.all([startBackend(await database()), startBackend(await database())]);
    await writeFile(join(files, "orders-app.secret"), `${SECRET}\n`);
    await writeFile(join(files, "trust.yaml"), stringify(DOCUMENT));
  });

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await rm(files, { recursive: true, force: true });
  });

  const admin = (server: RunningServer, args: string[], env: Record<string, string> = {}) =>
    runCli([...args, "--url", server.url, "--admin-token", ADMIN_TOKEN], { env });
  const lines = (text: string) => text.split("\n").filter((line) => line !== "");

  it("applies a document, then has nothing to do", async () => {
    const applied = ok(await admin(first.server, ["apply", "-f", join(files, "trust.yaml")]));
    expect(lines(applied)).toEqual([
      `+ issuer ${GITHUB}`,
      "+ issuer https://idp.example.com",
      "+ client orders-app",
      "+ client public-cli",
    ]);
    const token = await fetch(first.server.tokenEndpoint, {
      method: "POST",
      headers: {
        authorization: `Basic ${btoa(`orders-app:${SECRET}`)}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer",
    });
    // The secret from the file authenticates: the refusal is about the missing assertion, not the client.
    expect(((await token.json()) as { error: string }).error).toBe("invalid_request");
    const again = ok(await admin(first.server, ["apply", "-f", join(files, "trust.yaml")]));
    expect(again).toBe("nothing to do: the server matches the document\n");
  });

  it("prints a dry run field by field and changes nothing", async () => {
    const changed = structuredClone(DOCUMENT);
    changed.issuers[1] = { ...DOCUMENT.issuers[1], scope: "read write" } as (typeof changed.issuers)[1];
    await writeFile(join(files, "changed.json"), JSON.stringify(changed));
    const dryRun = ["apply", "-f", join(files, "changed.json"), "--dry-run"];
    const expected = [
      '~ issuer https://idp.example.com: scope "read" → "read write"',
      "dry run: nothing was changed",
    ];
    expect(lines(ok(await admin(first.server, dryRun)))).toEqual(expected);
    expect(lines(ok(await admin(first.server, dryRun)))).toEqual(expected);
    const json = JSON.parse(ok(await admin(first.server, [...dryRun, "--json"])));
    expect(json).toEqual({
      changes: [
        {
          action: "update",
          kind: "issuer",
          key: "https://idp.example.com",
          fields: [{ field: "scope", from: "read", to: "read write" }],
        },
      ],
      applied: false,
    });
  });

  it("deletes only with --prune", async () => {
    const smaller = { ...DOCUMENT, clients: [DOCUMENT.clients[0]] };
    await writeFile(join(files, "smaller.yaml"), stringify(smaller));
    const path = join(files, "smaller.yaml");
    expect(ok(await admin(first.server, ["apply", "-f", path]))).toBe(
      "nothing to do: the server matches the document\n",
    );
    expect(lines(ok(await admin(first.server, ["apply", "-f", path, "--prune"])))).toEqual([
      "- client public-cli",
    ]);
    const clients = JSON.parse(ok(await admin(first.server, ["clients", "list", "--json"])));
    expect(clients.items.map((client: { client_id: string }) => client.client_id)).toEqual(["orders-app"]);
    ok(await admin(first.server, ["apply", "-f", join(files, "trust.yaml")]));
  });

  it("exports a document that, applied to a fresh server, exports the same", async () => {
    const exported = ok(await admin(first.server, ["export"]));
    expect(exported).not.toContain(SECRET);
    expect(exported).toContain("client_secret_env: JWTGRANT_CLIENT_SECRET_ORDERS_APP");
    expect(exported).toContain("resources:\n      - https://api.example.com/orders\n");
    await writeFile(join(files, "exported.yaml"), exported);
    const applied = ok(
      await admin(second.server, ["apply", "-f", join(files, "exported.yaml")], {
        JWTGRANT_CLIENT_SECRET_ORDERS_APP: SECRET,
      }),
    );
    expect(lines(applied)).toHaveLength(4);
    expect(ok(await admin(second.server, ["export"]))).toBe(exported);
    expect(JSON.parse(ok(await admin(second.server, ["export", "--json"])))).toEqual(
      JSON.parse(ok(await admin(first.server, ["export", "--json"]))),
    );
  });

  it("refuses a bad document in one line naming the path, before touching the server", async () => {
    const bad = { version: 1, clients: [{ client_id: "x", client_secret: SECRET }] };
    await writeFile(join(files, "bad.json"), JSON.stringify(bad));
    const result = await admin(first.server, ["apply", "-f", join(files, "bad.json")]);
    expect(result.code).toBe(1);
    expect(failureLine(result)).toBe(
      `jwtgrant: ${join(files, "bad.json")}: clients[0].client_secret: a secret is never written in the document: name client_secret_file or client_secret_env`,
    );
    await writeFile(join(files, "repeated.yaml"), "version: 1\nissuers: []\nissuers: []\n");
    const repeated = await admin(first.server, ["apply", "-f", join(files, "repeated.yaml")]);
    expect(failureLine(repeated)).toMatch(/^jwtgrant: .*repeated\.yaml:3: Map keys must be unique/);
    expect(await readFile(join(files, "trust.yaml"), "utf8")).toBe(stringify(DOCUMENT));
  });
});
