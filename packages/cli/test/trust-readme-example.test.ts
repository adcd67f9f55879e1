import { readFile } from "node:fs/promises";
import { parseTrustDocument, TRUST_DOCUMENT_SCHEMA } from "@jwtgrant/core";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const README = new URL("../../../README.md", import.meta.url);

/** The YAML example of the README's "Trust as code" section. */
async function readmeExample(): Promise<unknown> {
  const text = await readFile(README, "utf8");
  const section = text.slice(text.indexOf("## Trust as code"));
  const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) throw new Error("the README has no YAML example under Trust as code");
  return parse(block);
}

describe("the README's trust document example", () => {
  it("validates against the JSON Schema and is accepted by the parser", async () => {
    const example = await readmeExample();
    const validate = new Ajv2020({ validateFormats: false }).compile(TRUST_DOCUMENT_SCHEMA);
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    const document = parseTrustDocument(example);
    expect(document.issuers.map((issuer) => issuer.issuer)).toEqual([
      "https://token.actions.githubusercontent.com",
    ]);
    expect(document.clients.map(({ secret }) => secret)).toEqual([{ file: "secrets/orders-app" }]);
  });
});
