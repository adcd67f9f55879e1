import { describe, expect, it } from "vitest";
import type { TrustRule } from "../../src/domain/trust-rule.js";
import { checkTrustGuardrails } from "../../src/trust-policy/check-trust-guardrails.js";
import { multiTenantIssuer } from "../../src/trust-policy/multi-tenant-issuer.js";
import { parseTrustRules } from "../../src/trust-policy/parse-trust-rules.js";
import { fieldRefusal } from "./support/field-refusal.js";

const GITHUB = "https://token.actions.githubusercontent.com";

const rules = (...when: Record<string, unknown>[]): TrustRule[] =>
  parseTrustRules(when.map((conditions, index) => ({ name: `r${index}`, when: conditions })));

const pinned = { repository_owner_id: { eq: "1342004" }, ref: { glob: "refs/heads/*" } };

function refusal(
  issuer: string,
  trustRules: TrustRule[] | null,
  reuse: "single_use" | "allowed",
  field: (string | number)[],
): string {
  const error = fieldRefusal(() => checkTrustGuardrails(issuer, trustRules, reuse));
  expect(error.field).toEqual(field);
  return error.description;
}

describe("the guardrails of a multi-tenant issuer", () => {
  it("require rules", () => {
    const problem =
      "are required: GitHub Actions signs for many tenants, so each rule must pin one of repository_owner_id, repository_id, enterprise_id with eq or in";
    expect(refusal(GITHUB, null, "single_use", ["rules"])).toBe(`rules: ${problem}`);
    expect(refusal(GITHUB, [], "single_use", ["rules"])).toBe(`rules: ${problem}`);
    expect(refusal("https://gitlab.com", null, "single_use", ["rules"])).toMatch(
      /^rules: are required: GitLab\.com .* namespace_id, project_id with eq or in$/,
    );
    expect(refusal("https://app.terraform.io", null, "single_use", ["rules"])).toMatch(
      /terraform_organization_id/,
    );
    expect(refusal("https://accounts.google.com", null, "allowed", ["rules"])).toMatch(
      /one of hd, sub with eq/,
    );
  });

  it("require every rule to pin an immutable tenant claim with eq or in, naming the rule that does not", () => {
    expect(() => checkTrustGuardrails(GITHUB, rules(pinned), "single_use")).not.toThrow();
    expect(
      refusal(GITHUB, rules(pinned, { repository: { eq: "octo-org/octo-repo" } }), "single_use", [
        "rules",
        1,
      ]),
    ).toBe(
      "rules[1]: must pin one of repository_owner_id, repository_id, enterprise_id with eq or in: GitHub Actions signs for many tenants",
    );
  });

  it("count the pointer form of a tenant claim, and eq or in only", () => {
    const ok = rules(
      { "/repository_id": { in: ["1", "2"] } },
      { enterprise_id: { eq: 7 } },
      { repository_owner_id: { eq: "1342004", ignore_case: true } },
    );
    expect(() => checkTrustGuardrails(GITHUB, ok, "single_use")).not.toThrow();
    for (const condition of [{ glob: "13*" }, { exists: true }, { contains: "1342004" }]) {
      expect(refusal(GITHUB, rules({ repository_owner_id: condition }), "single_use", ["rules", 0])).toMatch(
        /^rules\[0\]: must pin one of /,
      );
    }
    expect(
      refusal(GITHUB, rules({ "/repository_owner_id/0": { eq: "1" } }), "single_use", ["rules", 0]),
    ).toMatch(/^rules\[0\]: must pin/);
    expect(refusal(GITHUB, rules({ owner_id: { eq: "1" } }), "single_use", ["rules", 0])).toMatch(/must pin/);
  });

  it("pin GitLab, Terraform and Google by their own tenant claims", () => {
    expect(() =>
      checkTrustGuardrails("https://gitlab.com", rules({ project_id: { eq: "42" } }), "single_use"),
    ).not.toThrow();
    expect(() =>
      checkTrustGuardrails(
        "https://app.terraform.io",
        rules({ terraform_organization_id: { eq: "org-1" } }),
        "single_use",
      ),
    ).not.toThrow();
    expect(() =>
      checkTrustGuardrails("https://accounts.google.com", rules({ hd: { eq: "example.com" } }), "allowed"),
    ).not.toThrow();
    expect(
      refusal("https://gitlab.com", rules({ repository_id: { eq: "1" } }), "single_use", ["rules", 0]),
    ).toMatch(/must pin one of namespace_id, project_id/);
  });

  it("refuse reusable assertions from the CI issuers, which mint a token per job", () => {
    for (const [issuer, label] of [
      [GITHUB, "GitHub Actions"],
      ["https://gitlab.com", "GitLab.com"],
      ["https://app.terraform.io", "HCP Terraform"],
    ] as const) {
      expect(
        refusal(
          issuer,
          rules(pinned, { project_id: { eq: "1" }, terraform_organization_id: { eq: "o" } }),
          "allowed",
          ["assertion_reuse"],
        ),
      ).toBe(`assertion_reuse: must be single_use: ${label} mints a token per job`);
    }
    expect(() =>
      checkTrustGuardrails("https://accounts.google.com", rules({ sub: { eq: "1" } }), "allowed"),
    ).not.toThrow();
  });

  it("hold for GitHub's enterprise issuers under its host", () => {
    expect(refusal(`${GITHUB}/octo-enterprise`, null, "single_use", ["rules"])).toMatch(
      /^rules: are required: GitHub/,
    );
    expect(
      refusal(`${GITHUB}/octo-enterprise`, rules({ enterprise_slug: { eq: "octo" } }), "single_use", [
        "rules",
        0,
      ]),
    ).toMatch(/must pin/);
    expect(() =>
      checkTrustGuardrails(`${GITHUB}/octo-enterprise`, rules({ enterprise_id: { eq: "9" } }), "single_use"),
    ).not.toThrow();
  });

  it("cannot be escaped by another spelling of the issuer", () => {
    for (const spelling of [
      "https://Token.Actions.GithubUserContent.com",
      "https://token.actions.githubusercontent.com/",
      "https://token.actions.githubusercontent.com//",
      "HTTPS://TOKEN.ACTIONS.GITHUBUSERCONTENT.COM",
      "https://token.actions.githubusercontent.com.",
      "https://token.actions.githubusercontent.com:443",
      "https://token.actions.githubusercontent.com?x=1",
      "https://token.actions.githubusercontent.com#x",
      "https://user@token.actions.githubusercontent.com",
      "https://token.actions.githubuser%63ontent.com",
      "http://token.actions.githubusercontent.com",
      "https:/token.actions.githubusercontent.com",
      "token.actions.githubusercontent.com",
      " https://token.actions.githubusercontent.com ",
      "https://ｔｏｋｅｎ.actions.githubusercontent.com",
    ]) {
      expect(multiTenantIssuer(spelling)?.label, spelling).toBe("GitHub Actions");
      expect(refusal(spelling, null, "single_use", ["rules"])).toMatch(
        /^rules: are required: GitHub Actions/,
      );
    }
    expect(multiTenantIssuer("accounts.google.com")?.label).toBe("Google");
    expect(multiTenantIssuer("gitlab.com:443")?.label).toBe("GitLab.com");
  });

  it("leave other issuers alone", () => {
    for (const issuer of [
      "https://idp.example.com",
      "https://gitlab.example.com",
      "https://evil.example/token.actions.githubusercontent.com",
      "https://token.actions.githubusercontent.com.evil.example",
      "https://notgitlab.com",
      "not a url at all",
      "",
    ]) {
      expect(multiTenantIssuer(issuer), issuer).toBeNull();
      expect(() => checkTrustGuardrails(issuer, null, "allowed")).not.toThrow();
    }
  });
});

describe("the guardrail on a glob of sub", () => {
  it("requires the glob to start with a literal character, on any issuer", () => {
    for (const glob of ["*", "**", "?epo:octo-org/*", "*:octo-org/app"]) {
      expect(
        refusal(
          "https://idp.example.com",
          rules({ aud: { exists: true } }, { sub: { glob } }),
          "single_use",
          ["rules", 1, "when", "sub"],
        ),
      ).toBe("rules[1].when.sub: a glob on sub must start with a literal character");
    }
    expect(
      refusal("https://idp.example.com", rules({ "/sub": { glob: "*x", ignore_case: true } }), "single_use", [
        "rules",
        0,
        "when",
        "/sub",
      ]),
    ).toBe('rules[0].when["/sub"]: a glob on sub must start with a literal character');
    expect(() =>
      checkTrustGuardrails("https://idp.example.com", rules({ sub: { glob: "r*" } }), "single_use"),
    ).not.toThrow();
    expect(() =>
      checkTrustGuardrails("https://idp.example.com", rules({ subject: { glob: "*" } }), "single_use"),
    ).not.toThrow();
  });

  it("is checked on a multi-tenant issuer's pinned rules too", () => {
    expect(
      refusal(GITHUB, rules({ ...pinned, sub: { glob: "*" } }), "single_use", ["rules", 0, "when", "sub"]),
    ).toBe("rules[0].when.sub: a glob on sub must start with a literal character");
  });
});
