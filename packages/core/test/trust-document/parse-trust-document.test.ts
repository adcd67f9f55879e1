import { describe, expect, it } from "vitest";
import { OAuthError } from "../../src/errors/oauth-error.js";
import { parseTrustDocument } from "../../src/trust-document/parse-trust-document.js";
import { FULL_DOCUMENT, REFUSED_DOCUMENTS } from "./support/examples.js";

function refusal(document: unknown): OAuthError {
  try {
    parseTrustDocument(document);
  } catch (error) {
    if (error instanceof OAuthError) return error;
    throw error;
  }
  throw new Error("the document was accepted");
}

describe("parseTrustDocument", () => {
  it("fills in defaults and keeps values as the server writes them back", () => {
    const document = parseTrustDocument({
      version: 1,
      issuers: [
        { issuer: "https://a.example", jwks_uri: "https://a.example/jwks", scope: "read  write read" },
      ],
      clients: [{ client_id: "c", client_secret_env: "C_SECRET" }],
    });
    expect(document.issuers).toEqual([
      {
        issuer: "https://a.example",
        name: null,
        jwks_uri: "https://a.example/jwks",
        algorithms: null,
        subjects: null,
        scope: "read write",
        audiences: [],
        assertion_reuse: "single_use",
        max_assertion_lifetime: null,
        expires_at: null,
        enabled: true,
        rules: null,
      },
    ]);
    expect(document.clients).toEqual([
      {
        entry: {
          client_id: "c",
          client_name: null,
          grant_types: ["urn:ietf:params:oauth:grant-type:jwt-bearer"],
          scope: "",
          token_endpoint_auth_method: "client_secret_basic",
          redirect_uris: [],
          resources: [],
          trusted_issuers: null,
          access_token_ttl: null,
          refresh_token_ttl: null,
        },
        secret: { env: "C_SECRET" },
      },
    ]);
  });

  it("accepts the full example: rules in wire form, dates as ISO instants, a secret from a file", () => {
    const document = parseTrustDocument(FULL_DOCUMENT);
    expect(document.issuers.map((issuer) => issuer.issuer)).toEqual([
      "https://token.actions.githubusercontent.com",
      "https://idp.example.com",
    ]);
    expect(document.issuers[0]?.rules?.[0]?.when).toEqual({
      repository_owner_id: { eq: "1342004" },
      repository: { eq: "acme/app", ignore_case: true },
      ref: { glob: "refs/heads/main" },
    });
    expect(document.issuers[1]?.expires_at).toBe("2030-01-01T00:00:00.000Z");
    expect(document.clients.map(({ secret }) => secret)).toEqual([{ file: "secrets/orders-app" }, null]);
    expect(document.clients.map(({ entry }) => entry.resources)).toEqual([
      ["https://api.example.com/orders", "urn:example:billing"],
      [],
    ]);
  });

  for (const { why, document, problem } of REFUSED_DOCUMENTS) {
    it(`refuses ${why}, naming the path`, () => {
      const error = refusal(document);
      expect(error.reason).toBe("invalid_field");
      expect(error.description).toBe(problem);
    });
  }

  it("keeps a client's resources as written, each once, in their order", () => {
    const document = parseTrustDocument({
      version: 1,
      clients: [
        {
          client_id: "c",
          token_endpoint_auth_method: "none",
          resources: ["urn:b", "https://A.example/x", "urn:b"],
        },
      ],
    });
    expect(document.clients[0]?.entry.resources).toEqual(["urn:b", "https://A.example/x"]);
  });

  it("refuses a resource that is not a string, naming its index", () => {
    const error = refusal({
      version: 1,
      clients: [{ client_id: "c", token_endpoint_auth_method: "none", resources: ["urn:a", 7] }],
    });
    expect(error.description).toBe("clients[0].resources[1]: must be a string");
  });

  it("refuses more entries than the bound", () => {
    const clients = Array.from({ length: 1001 }, (_, index) => ({
      client_id: `c${index}`,
      token_endpoint_auth_method: "none",
    }));
    expect(refusal({ version: 1, clients }).description).toBe("clients: must hold at most 1000 entries");
  });
});
