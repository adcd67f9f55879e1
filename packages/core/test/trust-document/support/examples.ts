import { ecCertificate } from "../../../src/testing/test-certificates.js";

/** A document with an issuer carrying a rule like the GitHub Actions preset's, and two clients. */
export const FULL_DOCUMENT = {
  version: 1,
  issuers: [
    {
      issuer: "https://token.actions.githubusercontent.com",
      name: "GitHub Actions",
      discovery: true,
      audiences: ["https://as.example.com"],
      rules: [
        {
          name: "deploy-main",
          when: {
            repository_owner_id: { eq: "1342004" },
            repository: { eq: "acme/app", ignore_case: true },
            ref: { glob: "refs/heads/main" },
          },
          scope: "deploy",
          subject: "gh:{repository_id}:{ref}",
          claims: { repository: "repository" },
          access_token_ttl: 900,
          refresh_tokens: false,
        },
      ],
    },
    {
      issuer: "https://idp.example.com",
      certificate: ecCertificate.certificate,
      subjects: ["svc-a", "svc-b"],
      scope: "read write",
      expires_at: "2030-01-01T00:00:00Z",
    },
  ],
  clients: [
    {
      client_id: "orders-app",
      client_name: "Orders",
      scope: "read deploy",
      grant_types: ["urn:ietf:params:oauth:grant-type:jwt-bearer", "refresh_token"],
      trusted_issuers: ["https://idp.example.com"],
      resources: ["https://api.example.com/orders", "urn:example:billing"],
      access_token_ttl: 600,
      client_secret_file: "secrets/orders-app",
    },
    { client_id: "public-cli", token_endpoint_auth_method: "none", scope: "read" },
  ],
};

/** A secret of enough estimated entropy for an imported client secret. */
export const ORDERS_SECRET = "f3Jk9LmQ2rT8vWx4Zb6Nc1Pd5Hs7Ge0A";

/** Documents the parser refuses, each with the first problem it names. */
export const REFUSED_DOCUMENTS: readonly {
  readonly why: string;
  readonly document: unknown;
  readonly problem: string;
}[] = [
  {
    why: "an inline secret",
    document: { version: 1, clients: [{ client_id: "a", client_secret: ORDERS_SECRET }] },
    problem:
      "clients[0].client_secret: a secret is never written in the document: name client_secret_file or client_secret_env",
  },
  {
    why: "a confidential client without a secret source",
    document: { version: 1, clients: [{ client_id: "a", token_endpoint_auth_method: "client_secret_post" }] },
    problem:
      "clients[0].client_secret_file: is required, or client_secret_env: a client_secret_post client needs a secret, read when it is created",
  },
  {
    why: "an unknown field of an issuer",
    document: { version: 1, issuers: [{ issuer: "https://a.example", discovery: true, scopes: "x" }] },
    problem: "issuers[0].scopes: is not a known field",
  },
  {
    why: "an unknown top-level field",
    document: { version: 1, issuer: [] },
    problem: "issuer: is not a known field",
  },
  {
    why: "an id from the admin API",
    document: { version: 1, issuers: [{ id: "1", issuer: "https://a.example", discovery: true }] },
    problem: "issuers[0].id: is not a known field",
  },
  {
    why: "two issuers with one key",
    document: {
      version: 1,
      issuers: [
        { issuer: "https://a.example", discovery: true },
        { issuer: "https://a.example", jwks_uri: "https://a.example/jwks" },
      ],
    },
    problem: "issuers[1].issuer: repeats issuers[0]",
  },
  {
    why: "two clients with one key",
    document: {
      version: 1,
      clients: [
        { client_id: "a", token_endpoint_auth_method: "none" },
        { client_id: "a", token_endpoint_auth_method: "none" },
      ],
    },
    problem: "clients[1].client_id: repeats clients[0]",
  },
  {
    why: "a bad rule, named from the document's top",
    document: {
      version: 1,
      issuers: [
        { issuer: "https://a.example", discovery: true, rules: [{ name: "r", when: { ref: { glob: 1 } } }] },
      ],
    },
    problem: "issuers[0].rules[0].when.ref: glob must be a string",
  },
  {
    why: "a multi-tenant issuer without rules",
    document: { version: 1, issuers: [{ issuer: "https://gitlab.com", discovery: true }] },
    problem:
      "issuers[0].rules: are required: GitLab.com signs for many tenants, so each rule must pin one of namespace_id, project_id with eq or in",
  },
  {
    why: "no key source",
    document: { version: 1, issuers: [{ issuer: "https://a.example" }] },
    problem:
      "issuers[0].certificate: exactly one of certificate, certificates, jwks, jwks_uri, discovery is required",
  },
  {
    why: "a secret source for a client without a secret",
    document: {
      version: 1,
      clients: [{ client_id: "a", token_endpoint_auth_method: "none", client_secret_env: "X" }],
    },
    problem: "clients[0].client_secret_env: a none client has no secret",
  },
  {
    why: "a relative resource",
    document: {
      version: 1,
      clients: [{ client_id: "a", token_endpoint_auth_method: "none", resources: ["/orders"] }],
    },
    problem:
      "clients[0].resources[0]: must be an absolute URI without a fragment, of at most 2048 characters",
  },
  {
    why: "a resource with a fragment",
    document: {
      version: 1,
      clients: [
        {
          client_id: "a",
          token_endpoint_auth_method: "none",
          resources: ["https://api.example.com/", "https://api.example.com/#orders"],
        },
      ],
    },
    problem:
      "clients[0].resources[1]: must be an absolute URI without a fragment, of at most 2048 characters",
  },
  {
    why: "more resources than a client may have",
    document: {
      version: 1,
      clients: [
        {
          client_id: "a",
          token_endpoint_auth_method: "none",
          resources: Array.from({ length: 51 }, (_, index) => `https://api${index}.example.com/`),
        },
      ],
    },
    problem: "clients[0].resources: must list at most 50 resources",
  },
  {
    why: "a missing version",
    document: { issuers: [] },
    problem: "version: must be 1",
  },
];
