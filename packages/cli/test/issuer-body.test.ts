import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InvalidArgumentError } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliError } from "../src/cli-error.js";
import { readClientSecretFile } from "../src/clients/read-client-secret-file.js";
import { issuerBody } from "../src/issuers/issuer-body.js";
import { readRuleFile } from "../src/issuers/read-rule-file.js";
import { parseNumericId } from "../src/options/parse-values.js";
import { githubActionsPreset } from "../src/presets/github-actions-preset.js";
import { kubernetesPreset } from "../src/presets/kubernetes-preset.js";
import { UsageError } from "../src/usage-error.js";

let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "jwtgrant-cli-body-"));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The body as JSON sends it: `undefined` members left out. */
const sent = (body: Record<string, unknown>): unknown => JSON.parse(JSON.stringify(body));

describe("issuerBody", () => {
  it("takes the preset's issuer, discovery, rules and settings for a new issuer", async () => {
    const preset = githubActionsPreset({ ownerId: "1342004" });
    expect(sent(await issuerBody({ preset: "github-actions", ownerId: "1342004" }, preset, "add"))).toEqual({
      issuer: "https://token.actions.githubusercontent.com",
      discovery: true,
      rules: preset.rules,
    });
  });

  it("lets explicit options win: another issuer, inline keys, single use", async () => {
    const jwks = join(work, "jwks.json");
    await writeFile(jwks, '{"keys": []}');
    const options = {
      preset: "kubernetes",
      namespace: "prod",
      issuer: "https://k8s.example.com",
      jwks,
      assertionReuse: "single_use",
    } as const;
    expect(sent(await issuerBody(options, kubernetesPreset(options), "add"))).toEqual({
      issuer: "https://k8s.example.com",
      jwks: { keys: [] },
      assertion_reuse: "single_use",
      rules: kubernetesPreset(options).rules,
    });
  });

  it("rewrites only the rules and settings on an update, leaving the issuer and its keys", async () => {
    const preset = githubActionsPreset({ ownerId: "1" });
    expect(sent(await issuerBody({ preset: "github-actions", ownerId: "1" }, preset, "update"))).toEqual({
      rules: preset.rules,
    });
    const kubernetes = kubernetesPreset({ namespace: "prod" });
    expect(sent(await issuerBody({ preset: "kubernetes", namespace: "prod" }, kubernetes, "update"))).toEqual(
      {
        assertion_reuse: "allowed",
        rules: kubernetes.rules,
      },
    );
  });

  it("needs an issuer, and for a preset without discovery the keys, on a new issuer", async () => {
    await expect(issuerBody({ name: "x" }, null, "add")).rejects.toThrow(
      new UsageError("required option '--issuer <iss>' not specified"),
    );
    const options = { preset: "kubernetes", namespace: "prod" } as const;
    await expect(issuerBody(options, kubernetesPreset(options), "add")).rejects.toThrow(
      new UsageError("--preset kubernetes needs --issuer <iss>: the issuer its tokens carry"),
    );
    await expect(
      issuerBody({ ...options, issuer: "https://k8s.example.com" }, kubernetesPreset(options), "add"),
    ).rejects.toThrow(
      new UsageError(
        "--preset kubernetes needs the issuer's keys: --jwks <file>, --discovery, --jwks-uri <url> or --certificate <file>",
      ),
    );
  });

  it("sends null to remove the rules or the audiences, and the lists given", async () => {
    expect(sent(await issuerBody({ rules: false, audiences: false }, null, "update"))).toEqual({
      rules: null,
      audiences: null,
    });
    expect(
      sent(
        await issuerBody(
          { audience: ["https://api.example.com/sts", "sts"], maxAssertionLifetime: 600, discovery: true },
          null,
          "update",
        ),
      ),
    ).toEqual({
      discovery: true,
      audiences: ["https://api.example.com/sts", "sts"],
      max_assertion_lifetime: 600,
    });
  });
});

describe("issuerBody: certificates", () => {
  it("sends one --certificate as certificate and several as certificates, in order", async () => {
    const first = join(work, "first.pem");
    const second = join(work, "second.pem");
    await writeFile(first, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    await writeFile(second, "-----BEGIN CERTIFICATE-----\nBBBB\n-----END CERTIFICATE-----\n");
    const body = (certificate: string[]) =>
      issuerBody({ issuer: "https://a.example", certificate }, null, "add");
    expect(sent(await body([first]))).toEqual({
      issuer: "https://a.example",
      certificate: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
    });
    expect(sent(await body([second, first]))).toEqual({
      issuer: "https://a.example",
      certificates: [
        "-----BEGIN CERTIFICATE-----\nBBBB\n-----END CERTIFICATE-----\n",
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
      ],
    });
    await expect(body([first, join(work, "missing.pem")])).rejects.toThrow(
      new CliError(`cannot read ${join(work, "missing.pem")}: no such file`),
    );
  });
});

describe("readClientSecretFile", () => {
  it("drops one trailing newline, LF or CRLF, and keeps everything else", async () => {
    const cases = [
      ["secret\n", "secret"],
      ["secret\r\n", "secret"],
      ["secret", "secret"],
      ["secret\n\n", "secret\n"],
      [" secret \n", " secret "],
    ] as const;
    for (const [content, secret] of cases) {
      const file = join(work, "secret.txt");
      await writeFile(file, content);
      expect(await readClientSecretFile(file), JSON.stringify(content)).toBe(secret);
    }
  });
});

describe("readRuleFile", () => {
  it("reads a JSON array of rules as it is", async () => {
    const file = join(work, "rules.json");
    const rules = [{ name: "deploy", when: { "/kubernetes.io/namespace": { eq: "prod" } }, extra: 1 }];
    await writeFile(file, JSON.stringify(rules));
    expect(await readRuleFile(file)).toEqual(rules);
  });

  it("names the file that is not JSON, or holds no array, or is not there", async () => {
    const bad = join(work, "bad.json");
    await writeFile(bad, "[{name: deploy}]");
    await expect(readRuleFile(bad)).rejects.toThrow(new CliError(`${bad} is not valid JSON`));
    const object = join(work, "object.json");
    await writeFile(object, '{"rules": []}');
    await expect(readRuleFile(object)).rejects.toThrow(
      new CliError(`${object} must hold a JSON array of rules, e.g. [{"name": "…", "when": {…}}]`),
    );
    const missing = join(work, "missing.json");
    await expect(readRuleFile(missing)).rejects.toThrow(new CliError(`cannot read ${missing}: no such file`));
    await expect(readRuleFile(work)).rejects.toThrow(new CliError(`cannot read ${work}: it is a directory`));
  });

  it("refuses a file over 1 MiB without sending it", async () => {
    const large = join(work, "large.json");
    await writeFile(large, `[${" ".repeat(1_048_576)}]`);
    await expect(readRuleFile(large)).rejects.toThrow(new CliError(`${large} is larger than 1048576 bytes`));
  });
});

describe("parseNumericId", () => {
  it("keeps an id as the string its tokens carry", () => {
    expect(parseNumericId("1342004")).toBe("1342004");
    expect(parseNumericId("9".repeat(20))).toBe("9".repeat(20));
  });

  it.each(["abc", "-1", "0", "01", "1.5", "1e6", " 1", "", "9".repeat(21)])("refuses %j", (value) => {
    expect(() => parseNumericId(value)).toThrow(
      new InvalidArgumentError("must be a numeric id, e.g. 1342004"),
    );
  });
});
