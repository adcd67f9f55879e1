import { describe, expect, it } from "vitest";
import { compileTrustPolicy } from "../../src/trust-policy/compile-trust-policy.js";
import { matchTrustPolicy } from "../../src/trust-policy/match-trust-policy.js";
import { noRuleMatched } from "../../src/trust-policy/no-rule-matched.js";
import { parseTrustRules } from "../../src/trust-policy/parse-trust-rules.js";
import { GITHUB_CLAIMS } from "./support/github-claims.js";

const policyOf = (rules: unknown[]) => compileTrustPolicy(parseTrustRules(rules));

const DEPLOY = {
  name: "deploy-release",
  when: {
    repository_owner_id: { eq: "65" },
    repository_id: { eq: "74" },
    ref: { glob: "refs/heads/release/*" },
    environment: { eq: "prod" },
  },
  scope: "deploy:write",
  subject: "gh:{repository_id}:{ref}",
  claims: { repository: "repository", run: "run_id" },
};
const CI = {
  name: "ci",
  when: {
    repository_owner_id: { eq: "65" },
    repository_id: { in: ["74", "75"] },
    event_name: { eq: "push" },
  },
};
const MAIN = {
  name: "main",
  when: { repository_owner_id: { eq: "65" }, ref: { eq: "refs/heads/main" } },
  claims: { workflow: "job_workflow_ref" },
};

describe("matching a trust policy", () => {
  it("decides by the first rule that matches, with its rendered subject and mapped claims", () => {
    const claims = { ...GITHUB_CLAIMS, ref: "refs/heads/release/1.2" };
    const match = matchTrustPolicy(policyOf([CI, DEPLOY, { ...DEPLOY, name: "later" }]), claims);
    expect(match).toEqual({
      matched: true,
      rule: parseTrustRules([DEPLOY])[0],
      subject: "gh:74:refs/heads/release/1.2",
      claims: { repository: "octo-org/octo-repo", run: "example-run-id" },
    });
  });

  it("defaults the subject to the assertion's sub", () => {
    const match = matchTrustPolicy(policyOf([MAIN]), GITHUB_CLAIMS);
    expect(match).toMatchObject({
      matched: true,
      subject: "repo:octo-org/octo-repo:environment:prod",
      claims: { workflow: "octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main" },
    });
  });

  it("names per rule the first failed condition, in the order written", () => {
    const match = matchTrustPolicy(policyOf([DEPLOY, CI, MAIN]), { ...GITHUB_CLAIMS, ref: "refs/heads/dev" });
    expect(match).toEqual({
      matched: false,
      failures: [
        { rule: "deploy-release", claim: "ref", problem: "condition_failed" },
        { rule: "ci", claim: "event_name", problem: "condition_failed" },
        { rule: "main", claim: "ref", problem: "condition_failed" },
      ],
    });
  });

  it("stops a rule at its first failure and the policy at its first match", () => {
    let reads = 0;
    const counting = new Proxy(
      { ...GITHUB_CLAIMS },
      {
        getOwnPropertyDescriptor(target, key) {
          reads++;
          return Reflect.getOwnPropertyDescriptor(target, key);
        },
      },
    );
    const first = { name: "first", when: { a: { exists: true }, b: { exists: true }, c: { exists: true } } };
    const second = { name: "second", when: { sub: { exists: true } } };
    const third = { name: "third", when: { sub: { exists: true }, ref: { exists: true } } };
    expect(matchTrustPolicy(policyOf([first, second, third]), counting)).toMatchObject({
      matched: true,
      rule: { name: "second" },
    });
    // first: a (fails, b and c unread); second: its condition, then the default subject.
    expect(reads).toBe(3);
  });

  it("lets a rule whose subject does not resolve fail, naming the placeholder, and tries the next", () => {
    const templated = (subject: string) => ({ name: "t", when: { sub: { exists: true } }, subject });
    const fallback = { name: "fallback", when: { sub: { exists: true } } };
    const cases: [string, Record<string, unknown>, string | null, string][] = [
      ["{missing}", {}, "missing", "subject_unresolved"],
      ["x:{obj}", { obj: { a: 1 } }, "obj", "subject_unresolved"],
      ["x:{flag}", { flag: true }, "flag", "subject_unresolved"],
      ["x:{nothing}", { nothing: null }, "nothing", "subject_unresolved"],
      ["x:{list}", { list: ["a"] }, "list", "subject_unresolved"],
      ["{empty}", { empty: "" }, null, "subject_invalid"],
      ["{long}", { long: "l".repeat(256) }, null, "subject_invalid"],
      ["x{long}", { long: "l".repeat(255) }, null, "subject_invalid"],
      ["x:{nul}", { nul: "a\u0000" }, null, "subject_invalid"],
    ];
    for (const [subject, extra, claim, problem] of cases) {
      const policy = policyOf([templated(subject)]);
      expect(matchTrustPolicy(policy, { ...GITHUB_CLAIMS, ...extra }), subject).toEqual({
        matched: false,
        failures: [{ rule: "t", claim, problem }],
      });
      expect(
        matchTrustPolicy(policyOf([templated(subject), fallback]), { ...GITHUB_CLAIMS, ...extra }),
      ).toMatchObject({
        matched: true,
        rule: { name: "fallback" },
      });
    }
  });

  it("renders numbers and pointers into the subject, up to 255 characters", () => {
    const rule = (subject: string) => ({ name: "t", when: { sub: { exists: true } }, subject });
    const claims = { ...GITHUB_CLAIMS, num: 1342004, frac: 1.5, k8s: { "service/account": "deployer" } };
    expect(
      matchTrustPolicy(policyOf([rule("n:{num}:{frac}:{/k8s/service~1account}")]), claims),
    ).toMatchObject({
      subject: "n:1342004:1.5:deployer",
    });
    expect(matchTrustPolicy(policyOf([rule("{long}")]), { sub: "s", long: "l".repeat(255) })).toMatchObject({
      matched: true,
      subject: "l".repeat(255),
    });
  });

  it("fails a rule whose default subject is not a string", () => {
    const rule = { name: "r", when: { aud: { exists: true } } };
    expect(matchTrustPolicy(policyOf([rule]), { aud: "a", sub: 7 })).toEqual({
      matched: false,
      failures: [{ rule: "r", claim: "sub", problem: "subject_unresolved" }],
    });
  });

  it("maps any JSON value up to 4 KiB, leaving out a missing or null source", () => {
    const rule = {
      name: "map",
      when: { sub: { exists: true } },
      claims: { groups: "groups", meta: "/k8s/meta", missing: "nope", nothing: "nil", big: "big" },
    };
    const big = "b".repeat(4094); // 4096 bytes with its quotes
    const claims = { sub: "s", groups: ["a", 1, true], k8s: { meta: { a: [null] } }, nil: null, big };
    expect(matchTrustPolicy(policyOf([rule]), claims)).toEqual({
      matched: true,
      rule: parseTrustRules([rule])[0],
      subject: "s",
      claims: { groups: ["a", 1, true], meta: { a: [null] }, big },
    });
  });

  it("fails a rule mapping a value over 4 KiB as UTF-8 JSON, or holding unstorable text", () => {
    const rule = { name: "map", when: { sub: { exists: true } }, claims: { small: "small", big: "/x/big" } };
    const tooLarge = [
      "b".repeat(4095),
      "é".repeat(2048), // 4096 bytes of UTF-8, 4098 with its quotes
      ["a".repeat(2046), "b".repeat(2046)],
      "\u0001".repeat(683), // 4100 bytes: six for each escaped control character
    ];
    for (const big of tooLarge) {
      expect(matchTrustPolicy(policyOf([rule]), { sub: "s", small: 1, x: { big } })).toEqual({
        matched: false,
        failures: [{ rule: "map", claim: "/x/big", problem: "mapped_claim_too_large" }],
      });
    }
    for (const big of ["é".repeat(2047), "\u0001".repeat(682)]) {
      expect(matchTrustPolicy(policyOf([rule]), { sub: "s", x: { big } })).toMatchObject({ matched: true });
    }
    for (const big of ["a\u0000", ["\uDC00"], { "k\u0000": 1 }, { k: { k: "\uD800x" } }]) {
      expect(matchTrustPolicy(policyOf([rule]), { sub: "s", x: { big } })).toEqual({
        matched: false,
        failures: [{ rule: "map", claim: "/x/big", problem: "mapped_claim_unstorable" }],
      });
    }
  });

  it("defines mapped claims as members, so no claim named __proto__ reaches a prototype", () => {
    const rule = {
      name: "map",
      when: { sub: { exists: true } },
      claims: { proto: "/__proto__", ctor: "constructor" },
    };
    const claims = JSON.parse('{"sub": "s", "__proto__": {"polluted": true}}') as Record<string, unknown>;
    const match = matchTrustPolicy(policyOf([rule]), claims);
    expect(match).toMatchObject({ matched: true, claims: { proto: { polluted: true } } });
    if (!match.matched) throw new Error("expected a match");
    expect(Object.keys(match.claims)).toEqual(["proto"]);
    expect(Object.getPrototypeOf(match.claims)).toBe(Object.prototype);
  });

  it("is refused as a TypeError when compiling a rule that was never validated", () => {
    const rule = parseTrustRules([{ name: "r", when: { sub: { exists: true } } }])[0];
    if (rule === undefined) throw new Error("expected a rule");
    expect(() =>
      compileTrustPolicy([{ ...rule, conditions: [{ claim: "/a~2", operator: "exists", value: true }] }]),
    ).toThrow(TypeError);
    expect(() => compileTrustPolicy([{ ...rule, subject: "{a" }])).toThrow(TypeError);
  });
});

describe("the refusal when no rule matched", () => {
  it("is invalid_grant no_rule_matched, naming per rule where it failed and never a value", () => {
    const match = matchTrustPolicy(policyOf([DEPLOY, CI]), { ...GITHUB_CLAIMS, ref: "refs/heads/feature" });
    if (match.matched) throw new Error("expected no match");
    const error = noRuleMatched(match.failures);
    expect(error.code).toBe("invalid_grant");
    expect(error.reason).toBe("no_rule_matched");
    expect(error.description).toBe(
      "no trust rule matched the assertion: deploy-release (ref), ci (event_name)",
    );
    expect(error.description).not.toContain("release/*");
    expect(error.description).not.toContain("push");
  });

  it("says how a subject or a mapped claim failed a rule", () => {
    const error = noRuleMatched([
      { rule: "a", claim: "repository_id", problem: "subject_unresolved" },
      { rule: "b", claim: null, problem: "subject_invalid" },
      { rule: "c", claim: "/x/big", problem: "mapped_claim_too_large" },
      { rule: "d", claim: "name", problem: "mapped_claim_unstorable" },
    ]);
    expect(error.description).toBe(
      "no trust rule matched the assertion: a (repository_id in the subject), b (the subject is empty or too long), " +
        "c (/x/big is too large to map), d (name cannot be mapped)",
    );
    expect(noRuleMatched([]).description).toBe("no trust rule matched the assertion");
  });
});
