/** An issuer that signs for many tenants, and the claims that name a tenant for good. */
export interface MultiTenantIssuer {
  /** For messages. */
  readonly label: string;
  /** Immutable tenant ids: one of them must be pinned by every rule. */
  readonly tenantClaims: readonly string[];
  /** A CI system minting a token per job: its assertions are never meant to be reused. */
  readonly mintsPerJob: boolean;
}

/** By host: GitHub's enterprise issuers are paths under its host, and no other party issues on these hosts. */
const BY_HOST: ReadonlyMap<string, MultiTenantIssuer> = new Map([
  [
    "token.actions.githubusercontent.com",
    {
      label: "GitHub Actions",
      tenantClaims: ["repository_owner_id", "repository_id", "enterprise_id"],
      mintsPerJob: true,
    },
  ],
  ["gitlab.com", { label: "GitLab.com", tenantClaims: ["namespace_id", "project_id"], mintsPerJob: true }],
  [
    "app.terraform.io",
    { label: "HCP Terraform", tenantClaims: ["terraform_organization_id"], mintsPerJob: true },
  ],
  ["accounts.google.com", { label: "Google", tenantClaims: ["hd", "sub"], mintsPerJob: false }],
]);

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:[/\\]+/;
const TRAILING_DOTS = /\.+$/;

/**
 * The host an issuer identifier names, read as loosely as any URL parser would: any scheme or none
 * (Google's tokens may carry `accounts.google.com`), any case, percent-escapes, a trailing dot, a port,
 * user info, path, query and trailing slashes all disregarded.
 */
function hostOf(issuer: string): string | null {
  try {
    const host = new URL(`https://${issuer.trim().replace(SCHEME, "")}`).hostname;
    return host.toLowerCase().replace(TRAILING_DOTS, "");
  } catch {
    return null;
  }
}

/**
 * The multi-tenant issuer an identifier names, or `null`. Matching is deliberately wider than the exact
 * comparison an assertion's `iss` gets: a spelling of one of these issuers with another case, a trailing
 * slash or an enterprise path must not escape the guardrails that hold for it.
 */
export function multiTenantIssuer(issuer: string): MultiTenantIssuer | null {
  const host = hostOf(issuer);
  return host === null ? null : (BY_HOST.get(host) ?? null);
}
