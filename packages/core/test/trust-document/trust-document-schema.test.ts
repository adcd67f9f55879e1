import { readFile } from "node:fs/promises";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { OAuthError } from "../../src/errors/oauth-error.js";
import { parseTrustDocument } from "../../src/trust-document/parse-trust-document.js";
import { TRUST_DOCUMENT_SCHEMA } from "../../src/trust-document/trust-document-schema.js";
import { FULL_DOCUMENT, REFUSED_DOCUMENTS } from "./support/examples.js";

const SCHEMA_FILE = new URL("../../../../docs/trust.schema.json", import.meta.url);
const validate = new Ajv2020({ validateFormats: false }).compile(TRUST_DOCUMENT_SCHEMA);

function parserAccepts(document: unknown): boolean {
  try {
    parseTrustDocument(document);
    return true;
  } catch (error) {
    if (error instanceof OAuthError) return false;
    throw error;
  }
}

/** Refusals the schema cannot express: a key repeated across entries, a multi-tenant issuer's guardrails. */
const PARSER_ONLY = new Set([
  "two issuers with one key",
  "two clients with one key",
  "a multi-tenant issuer without rules",
]);

describe("the trust document's JSON Schema", () => {
  it("is the file in the repository, docs/trust.schema.json", async () => {
    expect(JSON.parse(await readFile(SCHEMA_FILE, "utf8"))).toEqual(TRUST_DOCUMENT_SCHEMA);
  });

  it("accepts the examples the parser accepts", () => {
    const minimal = { version: 1, clients: [{ client_id: "c", client_secret_env: "C_SECRET" }] };
    for (const document of [FULL_DOCUMENT, minimal, { version: 1 }]) {
      expect(parserAccepts(document)).toBe(true);
      expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  for (const { why, document } of REFUSED_DOCUMENTS.filter(({ why }) => !PARSER_ONLY.has(why))) {
    it(`refuses ${why}, as the parser does`, () => {
      expect(parserAccepts(document)).toBe(false);
      expect(validate(document)).toBe(false);
    });
  }
});
