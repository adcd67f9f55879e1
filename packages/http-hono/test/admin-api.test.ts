import {
  createEngine,
  createMemoryStorage,
  StorageUnavailableError,
  TRUST_DOCUMENT_SCHEMA,
} from "@jwtgrant/core";
import { describe, expect, it } from "vitest";
import { createAdminApi } from "../src/admin/create-admin-api.js";
import { ADMIN_TOKEN, createAdminHarness, expectError, mountAdminApi, send } from "./admin-harness.js";

const ROUTES = [
  ["POST", "/issuers"],
  ["GET", "/issuers"],
  ["GET", "/issuers/{id}"],
  ["PATCH", "/issuers/{id}"],
  ["DELETE", "/issuers/{id}"],
  ["POST", "/clients"],
  ["GET", "/clients"],
  ["GET", "/clients/{client_id}"],
  ["PATCH", "/clients/{client_id}"],
  ["DELETE", "/clients/{client_id}"],
  ["POST", "/clients/{client_id}/secret"],
  ["GET", "/keys"],
  ["POST", "/keys/rotate"],
  ["POST", "/admin-keys"],
  ["GET", "/admin-keys"],
  ["DELETE", "/admin-keys/{id}"],
  ["GET", "/audit"],
  ["POST", "/explain"],
  ["GET", "/schema/trust.json"],
] as const;

const concrete = (path: string) => path.replace(/\{[a-z_]+\}/, "some-id");

function expectChallenge(response: Awaited<ReturnType<typeof send>>) {
  expectError(response, 401, "invalid_token", /admin bearer token/);
  expect(response.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
  expect(response.headers.get("cache-control")).toBe("no-store");
}

function engineFailingWith(error: Error) {
  const engine = createEngine({ storage: createMemoryStorage() }, { issuer: "https://as.example.com" });
  return {
    ...engine,
    issuers: {
      ...engine.issuers,
      list: async () => {
        throw error;
      },
    },
  };
}

describe("admin API: authentication", () => {
  it.each([...ROUTES, ["GET", "/openapi.json"] as const])(
    "%s %s requires the admin token",
    async (method, path) => {
      const { request } = createAdminHarness();
      expectChallenge(await request(method, concrete(path), { authorization: null }));
      expectChallenge(await request(method, concrete(path), { authorization: "Bearer not-the-admin-token" }));
    },
  );

  it("refuses a token presented another way", async () => {
    const { request } = createAdminHarness();
    for (const authorization of [
      `Basic ${btoa(`admin:${ADMIN_TOKEN}`)}`,
      ADMIN_TOKEN,
      `Bearer ${ADMIN_TOKEN} extra`,
      `Bearer ${ADMIN_TOKEN}x`,
      `Bearer ${ADMIN_TOKEN.slice(0, -1)}`,
      "Bearer",
      "",
    ]) {
      expectChallenge(await request("GET", "/issuers", { authorization }));
    }
  });

  it("accepts the scheme in any case", async () => {
    const { request } = createAdminHarness();
    expect((await request("GET", "/issuers", { authorization: `bearer ${ADMIN_TOKEN}` })).status).toBe(200);
  });

  it("checks the token before reading the body", async () => {
    const { request } = createAdminHarness();
    expectChallenge(await request("POST", "/issuers", { rawBody: "{", authorization: null }));
  });

  it("refuses to be built without a token", () => {
    const engine = createEngine({ storage: createMemoryStorage() }, { issuer: "https://as.example.com" });
    expect(() => createAdminApi(engine, { adminToken: "" })).toThrow(TypeError);
  });
});

describe("admin API: unexpected failures", () => {
  it("answers 500 server_error without the error's message or stack", async () => {
    const failure = new Error("boom: connection string postgres://admin:hunter2@db");
    const response = await send(mountAdminApi(engineFailingWith(failure)), "GET", "/issuers");
    expect(response.status).toBe(500);
    expect(response.json()).toStrictEqual({
      error: "server_error",
      error_description: "the server met an unexpected condition",
    });
    expect(response.text).not.toContain("boom");
    expect(response.text).not.toContain("hunter2");
  });

  it("answers 503 temporarily_unavailable when storage is down", async () => {
    const failure = new StorageUnavailableError("connect ECONNREFUSED 10.0.0.5:5432");
    const response = await send(mountAdminApi(engineFailingWith(failure)), "GET", "/issuers");
    expectError(response, 503, "temporarily_unavailable");
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.text).not.toContain("ECONNREFUSED");
  });
});

interface OpenApiOperation {
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
}

interface OpenApiDocument {
  openapi: string;
  servers: { url: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    securitySchemes: Record<string, unknown>;
    schemas: Record<
      string,
      { additionalProperties?: unknown; properties?: Record<string, unknown>; required?: string[] }
    >;
  };
}

describe("admin API: the trust document's JSON Schema", () => {
  it("serves the schema core holds, to the admin token only", async () => {
    const response = await createAdminHarness().request("GET", "/schema/trust.json");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(TRUST_DOCUMENT_SCHEMA);
  });
});

describe("admin API: OpenAPI document", () => {
  async function openApiDocument() {
    const response = await createAdminHarness().request("GET", "/openapi.json");
    expect(response.status).toBe(200);
    return response.json<OpenApiDocument>();
  }

  it("lists every admin route with its request and response schemas", async () => {
    const document = await openApiDocument();
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(document.servers).toEqual([{ url: "/admin" }]);
    const listed = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(listed.sort()).toEqual(ROUTES.map(([method, path]) => `${method} ${path}`).sort());

    const schemaOf = (method: string, path: string, status: string) =>
      document.paths[path]?.[method]?.responses[status]?.content?.["application/json"]?.schema.$ref;
    const bodyOf = (method: string, path: string) =>
      document.paths[path]?.[method]?.requestBody?.content["application/json"]?.schema.$ref;

    expect(bodyOf("post", "/issuers")).toBe("#/components/schemas/TrustedIssuerCreate");
    expect(bodyOf("patch", "/issuers/{id}")).toBe("#/components/schemas/TrustedIssuerPatch");
    expect(bodyOf("post", "/clients")).toBe("#/components/schemas/ClientCreate");
    expect(bodyOf("patch", "/clients/{client_id}")).toBe("#/components/schemas/ClientPatch");
    expect(schemaOf("post", "/issuers", "201")).toBe("#/components/schemas/TrustedIssuer");
    expect(schemaOf("get", "/issuers", "200")).toBe("#/components/schemas/TrustedIssuerList");
    expect(schemaOf("post", "/clients", "201")).toBe("#/components/schemas/ClientWithSecret");
    expect(schemaOf("get", "/clients/{client_id}", "200")).toBe("#/components/schemas/Client");
    expect(schemaOf("post", "/clients/{client_id}/secret", "200")).toBe(
      "#/components/schemas/ClientWithSecret",
    );
    expect(schemaOf("get", "/keys", "200")).toBe("#/components/schemas/SigningKeyList");
    expect(schemaOf("post", "/keys/rotate", "201")).toBe("#/components/schemas/SigningKey");
    expect(bodyOf("post", "/admin-keys")).toBe("#/components/schemas/AdminKeyCreate");
    expect(schemaOf("post", "/admin-keys", "201")).toBe("#/components/schemas/AdminKeyWithSecret");
    expect(schemaOf("get", "/admin-keys", "200")).toBe("#/components/schemas/AdminKeyList");
    expect(schemaOf("get", "/audit", "200")).toBe("#/components/schemas/AdminAuditList");
    expect(bodyOf("post", "/explain")).toBe("#/components/schemas/ExplainRequest");
    expect(schemaOf("post", "/explain", "200")).toBe("#/components/schemas/Explanation");
    expect(schemaOf("post", "/issuers", "400")).toBe("#/components/schemas/Error");
    expect(Object.keys(document.components.schemas.Error?.properties ?? {})).toEqual([
      "error",
      "error_description",
      "field",
    ]);
    for (const [method, path] of ROUTES) {
      expect(schemaOf(method.toLowerCase(), path, "401")).toBe("#/components/schemas/Error");
    }
  });

  it("declares the request bodies closed and never offers a secret or private key field but an import's", async () => {
    const { components } = await openApiDocument();
    for (const name of ["TrustedIssuerCreate", "TrustedIssuerPatch", "ClientCreate", "ClientPatch"]) {
      expect(components.schemas[name]?.additionalProperties).toBe(false);
      expect(Object.keys(components.schemas[name]?.properties ?? {})).not.toContain("secret_hash");
    }
    // Only a client moved from another server brings its secret, write-only.
    expect(Object.keys(components.schemas.ClientPatch?.properties ?? {})).not.toContain("client_secret");
    expect(components.schemas.ClientCreate?.properties?.client_secret).toMatchObject({ writeOnly: true });
    expect(Object.keys(components.schemas.Client?.properties ?? {})).not.toContain("client_secret");
    expect(Object.keys(components.schemas.SigningKey?.properties ?? {})).not.toContain("private_jwk");
  });

  it("documents a client's resources: a list of URIs in bodies, always present in a client", async () => {
    const { components } = await openApiDocument();
    const uris = { type: "array", items: { type: "string", format: "uri" } };
    expect(components.schemas.ClientCreate?.properties?.resources).toMatchObject(uris);
    expect(components.schemas.ClientPatch?.properties?.resources).toMatchObject(uris);
    expect(components.schemas.Client?.properties?.resources).toMatchObject({ type: "array" });
    expect(components.schemas.Client?.required).toContain("resources");
  });

  it("declares the admin bearer token as the security of every route", async () => {
    const { components, security } = await openApiDocument();
    expect(components.securitySchemes).toEqual({
      adminToken: expect.objectContaining({ type: "http", scheme: "bearer" }),
    });
    expect(security).toEqual([{ adminToken: [] }]);
  });
});
