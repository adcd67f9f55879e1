import { ecCertificate, rsaCertificate } from "@jwtgrant/core/testing";
import { describe, expect, it } from "vitest";
import { type AdminResponse, createAdminHarness, expectError, NOW } from "./admin-harness.js";

const GITHUB = "https://token.actions.githubusercontent.com";
const idOf = (response: AdminResponse) => response.json<{ id: string }>().id;

const RULES = [
  {
    name: "deploy",
    when: {
      repository_owner_id: { eq: "65" },
      ref: { glob: "refs/heads/*", ignore_case: true },
      "/kubernetes.io/namespace": { in: ["prod", "staging"] },
    },
    scope: "deploy:write",
    subject: "gh:{repository_id}:{ref}",
    claims: { repository: "repository" },
    access_token_ttl: 900,
    refresh_tokens: false,
  },
  { name: "read", when: { repository_owner_id: { eq: "65" } } },
];

describe("admin API: trust policies on an issuer", () => {
  it("stores rules, audiences, reuse, lifetime and discovery, and answers them as written", async () => {
    const { request } = createAdminHarness();
    const created = await request("POST", "/issuers", {
      body: {
        issuer: GITHUB,
        discovery: true,
        rules: RULES,
        audiences: ["https://api.example.com/sts"],
        max_assertion_lifetime: 600,
      },
    });
    expect(created.status).toBe(201);
    expect(created.json()).toStrictEqual({
      id: expect.any(String),
      issuer: GITHUB,
      name: null,
      discovery: true,
      algorithms: null,
      allow_any_subject: true,
      scope: null,
      expires_at: null,
      enabled: true,
      audiences: ["https://api.example.com/sts"],
      assertion_reuse: "single_use",
      max_assertion_lifetime: 600,
      // A rule's defaults are written out.
      rules: [RULES[0], { ...RULES[1], refresh_tokens: true }],
      created_at: NOW,
      updated_at: NOW,
    });
    // Conditions keep the order written.
    const shown = await request("GET", `/issuers/${idOf(created)}`);
    expect(Object.keys(shown.json<{ rules: { when: object }[] }>().rules[0]?.when ?? {})).toEqual([
      "repository_owner_id",
      "ref",
      "/kubernetes.io/namespace",
    ]);
  });

  it("names the path of a bad rule, and a refused PATCH leaves the issuer as it was", async () => {
    const { request } = createAdminHarness();
    const created = await request("POST", "/issuers", {
      body: { issuer: "https://idp.example.com", certificate: ecCertificate.certificate, rules: RULES },
    });
    const before = created.json();
    const cases: [unknown, RegExp, string][] = [
      [
        [RULES[0], { name: "x", when: { ref: { glob: 7 } } }],
        /^rules\[1\]\.when\.ref: glob must be a string$/,
        "rules[1].when.ref",
      ],
      [
        [{ name: "x", when: { ref: { like: "a" } } }],
        /^rules\[0\]\.when\.ref\.like: /,
        "rules[0].when.ref.like",
      ],
      [
        [{ name: "x", when: { ref: { eq: "a", in: ["a"] } } }],
        /^rules\[0\]\.when\.ref: /,
        "rules[0].when.ref",
      ],
      [
        [{ name: "x", when: { groups: { contains: "a", ignore_case: true } } }],
        /^rules\[0\]\.when\.groups: /,
        "rules[0].when.groups",
      ],
      [[{ name: "Bad Name", when: { a: { exists: true } } }], /^rules\[0\]\.name: /, "rules[0].name"],
      [
        [{ name: "x", when: { a: { exists: true } }, claims: { sub: "a" } }],
        /^rules\[0\]\.claims\.sub: /,
        "rules[0].claims.sub",
      ],
      [
        [{ name: "x", when: { "/a~2": { exists: true } } }],
        /^rules\[0\]\.when\["\/a~2"\]: /,
        'rules[0].when["/a~2"]',
      ],
      [[], /^rules: /, "rules"],
      [
        Array.from({ length: 51 }, (_, i) => ({ name: `r${i}`, when: { a: { exists: true } } })),
        /^rules: /,
        "rules",
      ],
      ["not a list", /^rules: /, "rules"],
    ];
    for (const [rules, message, field] of cases) {
      const response = await request("PATCH", `/issuers/${idOf(created)}`, {
        body: { name: "changed", rules },
      });
      expectError(response, 400, "invalid_request", message, field);
    }
    expect((await request("GET", `/issuers/${idOf(created)}`)).json()).toStrictEqual(before);
    const removed = await request("PATCH", `/issuers/${idOf(created)}`, { body: { rules: null } });
    expect(removed.json()).toMatchObject({ rules: null });
  });

  it("refuses a multi-tenant issuer without rules pinning a tenant", async () => {
    const { request } = createAdminHarness();
    expectError(
      await request("POST", "/issuers", { body: { issuer: GITHUB, discovery: true } }),
      400,
      "invalid_request",
      /^rules: /,
      "rules",
    );
    expectError(
      await request("POST", "/issuers", {
        body: {
          issuer: GITHUB,
          discovery: true,
          rules: [{ name: "any-main", when: { ref: { eq: "refs/heads/main" } } }],
        },
      }),
      400,
      "invalid_request",
      /^rules\[0\]/,
      "rules[0]",
    );
  });

  it("refuses discovery for an issuer that is not an https URL, and a client key source of discovery", async () => {
    const { request } = createAdminHarness();
    expectError(
      await request("POST", "/issuers", { body: { issuer: "urn:example:idp", discovery: true } }),
      400,
      "invalid_request",
      /^discovery: /,
      "discovery",
    );
    expectError(
      await request("POST", "/clients", {
        body: { token_endpoint_auth_method: "private_key_jwt", discovery: true },
      }),
      400,
      "invalid_request",
      /^discovery: is not a known field$/,
      "discovery",
    );
  });

  it("stores a client's trusted_issuers, and null lifts the restriction", async () => {
    const { request } = createAdminHarness();
    const created = await request("POST", "/clients", { body: { trusted_issuers: [GITHUB] } });
    expect(created.json()).toMatchObject({ trusted_issuers: [GITHUB] });
    const clientId = created.json<{ client_id: string }>().client_id;
    expectError(
      await request("PATCH", `/clients/${clientId}`, { body: { trusted_issuers: [] } }),
      400,
      "invalid_request",
      /^trusted_issuers: /,
      "trusted_issuers",
    );
    const lifted = await request("PATCH", `/clients/${clientId}`, { body: { trusted_issuers: null } });
    expect(lifted.json()).toMatchObject({ trusted_issuers: null });
  });
});

describe("admin API: several certificates on an issuer", () => {
  it("stores and answers them, naming a bad one by its index", async () => {
    const { request } = createAdminHarness();
    const created = await request("POST", "/issuers", {
      body: {
        issuer: "https://idp.example.com",
        certificates: [ecCertificate.certificate, rsaCertificate.certificate],
      },
    });
    expect(created.status).toBe(201);
    expect(created.json()).toMatchObject({
      certificates: [ecCertificate.certificate.trim(), rsaCertificate.certificate.trim()],
    });
    expect(created.json()).not.toHaveProperty("certificate");
    expectError(
      await request("POST", "/issuers", {
        body: { issuer: "https://other.example.com", certificates: [ecCertificate.certificate, "nope"] },
      }),
      400,
      "invalid_request",
      /^certificates\[1\]: /,
      "certificates[1]",
    );
  });
});

describe("admin API: a client moved from another server", () => {
  it("takes its client_id and client_secret, and never returns the secret", async () => {
    const { request } = createAdminHarness();
    const secret = "f3Jk9LmQ2rT8vWx4Zb6Nc1Pd5Hs7Ge0A";
    const created = await request("POST", "/clients", {
      body: { client_id: "wso2-orders-app", client_secret: secret },
    });
    expect(created.status).toBe(201);
    expect(created.json()).toMatchObject({ client_id: "wso2-orders-app", client_secret: null });
    expect(created.text).not.toContain(secret);
    expectError(
      await request("POST", "/clients", { body: { client_id: "weak", client_secret: "short-secret" } }),
      400,
      "invalid_request",
      /^client_secret: is too weak: at least 128 bits/,
      "client_secret",
    );
    // A secret changes only by rotation.
    expectError(
      await request("PATCH", "/clients/wso2-orders-app", { body: { client_secret: secret } }),
      400,
      "invalid_request",
      /^client_secret: is not a known field$/,
      "client_secret",
    );
  });
});
