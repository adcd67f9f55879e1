import { rm } from "node:fs/promises";
import { tokenFingerprint } from "@jwtgrant/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult, failureLine, runCli } from "./support/run-cli.js";
import { ADMIN_TOKEN, type RunningServer, startServer, tempDir } from "./support/server-process.js";

let server: RunningServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = await tempDir("admin-keys-data");
  server = await startServer(dataDir);
});

afterAll(async () => {
  expect(await server?.stop()).toBe(0);
  await rm(dataDir, { recursive: true, force: true });
});

const as = (token: string, ...args: string[]) =>
  runCli([...args, "--url", server.url, "--admin-token", token]);
const admin = (...args: string[]) => as(ADMIN_TOKEN, ...args);

function json(result: CliResult): Record<string, unknown> {
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe("admin-keys and audit", () => {
  it("creates a key shown once, lists it without the key, records who used it, and revokes it at once", async () => {
    const created = await admin("admin-keys", "create", "--name", "ci");
    expect(created.code).toBe(0);
    const key = /^key\s+(jgak_[A-Za-z0-9_-]{43})$/m.exec(created.stdout)?.[1] ?? "";
    expect(key).not.toBe("");
    expect(created.stdout).toContain("The key is shown only now");
    const id = /^id\s+(\S+)$/m.exec(created.stdout)?.[1] ?? "";

    const listed = await admin("admin-keys", "list");
    expect(listed.stdout).toMatch(new RegExp(`^${id}\\s+ci\\s+\\d{4}-`, "m"));
    expect(listed.stdout).not.toContain(key);

    const rotated = json(await as(key, "keys", "rotate", "--json"));
    const audit = await admin("audit", "--limit", "2");
    expect(audit.code).toBe(0);
    const lines = audit.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^AT\s+WHO\s+ACTION\s+TARGET$/);
    expect(lines[1]).toMatch(new RegExp(`^\\S+\\s+admin key ci\\s+signing_key\\.rotate\\s+${rotated.kid}$`));
    const fingerprint = await tokenFingerprint(ADMIN_TOKEN);
    expect(lines[2]).toMatch(
      new RegExp(`^\\S+\\s+admin token ${fingerprint}\\s+admin_key\\.create\\s+${id}$`),
    );
    expect(lines).toHaveLength(3);

    const revoked = await admin("admin-keys", "revoke", id);
    expect(revoked.stdout).toBe(`revoked admin key ${id}\n`);
    const refused = await as(key, "keys", "list");
    expect(refused.code).not.toBe(0);
    expect(failureLine(refused)).toMatch(/invalid_token/);
  });

  it("speaks JSON with --json, the key in the create answer only, and no secret in the audit", async () => {
    const created = json(await admin("admin-keys", "create", "--name", "deploy", "--json"));
    expect(created).toEqual({
      id: expect.any(String),
      name: "deploy",
      created_at: expect.any(String),
      key: expect.stringMatching(/^jgak_/),
    });
    const listed = json(await admin("admin-keys", "list", "--json"));
    expect(listed.items).toContainEqual({ id: created.id, name: "deploy", created_at: created.created_at });
    expect(json(await admin("admin-keys", "revoke", String(created.id), "--json"))).toEqual({
      revoked: created.id,
    });

    const audit = await admin("audit", "--limit", "2", "--json");
    const page = json(audit) as { items: { action: string; actor: unknown; before: unknown }[] };
    expect(page.items.map((record) => record.action)).toEqual(["admin_key.revoke", "admin_key.create"]);
    expect(page.items[0]).toMatchObject({
      actor: { kind: "bootstrap_token", fingerprint: await tokenFingerprint(ADMIN_TOKEN) },
      before: { id: created.id, name: "deploy" },
    });
    expect(audit.stdout).not.toContain(String(created.key));
    expect(audit.stdout).not.toContain(ADMIN_TOKEN);
  });

  it("refuses a duplicate name and a bad limit in one line", async () => {
    await admin("admin-keys", "create", "--name", "twice");
    const again = await admin("admin-keys", "create", "--name", "twice");
    expect(again.code).not.toBe(0);
    expect(failureLine(again)).toMatch(/twice already exists/);
    const badLimit = await admin("audit", "--limit", "501");
    expect(badLimit.code).not.toBe(0);
    expect(failureLine(badLimit)).toMatch(/limit/);
  });
});
