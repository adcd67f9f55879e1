import { describe, expect, it } from "vitest";
import { MAX_ACCESS_TOKEN_TTL } from "../../src/admin/clients.js";
import type { TrustRule } from "../../src/domain/trust-rule.js";
import { parseTrustRules } from "../../src/trust-policy/parse-trust-rules.js";
import { TRUST_POLICY_LIMITS } from "../../src/trust-policy/trust-policy-limits.js";
import { fieldRefusal } from "./support/field-refusal.js";

const CONTRACT_RULE = {
  name: "deploy-release",
  when: {
    repository_owner_id: { eq: "1342004" },
    repository: { eq: "Acme/App", ignore_case: true },
    ref: { glob: "refs/heads/release/*" },
    "/kubernetes.io/namespace": { in: ["prod", "staging"] },
    groups: { contains: "deployers" },
    environment: { exists: true },
  },
  scope: "deploy:write",
  subject: "gh:{repository_id}:{ref}",
  claims: { repository: "repository", namespace: "/kubernetes.io/namespace" },
  access_token_ttl: 900,
  refresh_tokens: false,
};

const rule = (overrides: Record<string, unknown>) => ({
  name: "r",
  when: { sub: { exists: true } },
  ...overrides,
});

/** The field error of the rules `input`, as `path: problem`, checking that it carries `field`. */
function refusal(input: unknown, field: (string | number)[]): string {
  const error = fieldRefusal(() => parseTrustRules(input));
  expect(error.field).toEqual(field);
  return error.description;
}

const ruleRefusal = (overrides: Record<string, unknown>, field: (string | number)[]) =>
  refusal([rule({}), rule({ name: "second", ...overrides })], ["rules", 1, ...field]);

describe("parsing trust rules", () => {
  it("reads the documented example into its domain form", () => {
    expect(parseTrustRules([CONTRACT_RULE])).toEqual<TrustRule[]>([
      {
        name: "deploy-release",
        conditions: [
          { claim: "repository_owner_id", operator: "eq", value: "1342004", ignoreCase: false },
          { claim: "repository", operator: "eq", value: "Acme/App", ignoreCase: true },
          { claim: "ref", operator: "glob", value: "refs/heads/release/*", ignoreCase: false },
          {
            claim: "/kubernetes.io/namespace",
            operator: "in",
            value: ["prod", "staging"],
            ignoreCase: false,
          },
          { claim: "groups", operator: "contains", value: "deployers" },
          { claim: "environment", operator: "exists", value: true },
        ],
        scope: ["deploy:write"],
        subject: "gh:{repository_id}:{ref}",
        claims: [
          { target: "repository", source: "repository" },
          { target: "namespace", source: "/kubernetes.io/namespace" },
        ],
        accessTokenTtl: 900,
        refreshTokens: false,
      },
    ]);
  });

  it("gives optional fields their defaults, null fields included", () => {
    const [plain, nulls] = parseTrustRules([
      rule({}),
      rule({ name: "n", scope: null, subject: null, claims: null, access_token_ttl: null }),
    ]);
    for (const parsed of [plain, nulls]) {
      expect(parsed).toMatchObject({ scope: null, subject: null, claims: [], accessTokenTtl: null });
      expect(parsed?.refreshTokens).toBe(true);
    }
  });

  it("keeps the order conditions and mapped claims are written in, and the order of the rules", () => {
    const [first, second] = parseTrustRules([
      rule({
        name: "z",
        when: {
          zeta: { exists: true },
          alpha: { exists: true },
          "/10": { exists: true },
          mid: { exists: false },
        },
        claims: { z: "a", a: "z" },
      }),
      rule({ name: "a" }),
    ]);
    expect(first?.conditions.map((condition) => condition.claim)).toEqual(["zeta", "alpha", "/10", "mid"]);
    expect(first?.claims.map((mapping) => mapping.target)).toEqual(["z", "a"]);
    expect(second?.name).toBe("a");
  });

  it("reads scope like any other scope: tokens split on spaces, without duplicates", () => {
    expect(parseTrustRules([rule({ scope: " read  write read " })])[0]?.scope).toEqual(["read", "write"]);
    expect(parseTrustRules([rule({ scope: "" })])[0]?.scope).toEqual([]);
  });
});

describe("the list of rules", () => {
  it("must be a non-empty array of at most 50 rules", () => {
    expect(refusal({ name: "r" }, ["rules"])).toBe("rules: must be an array of rules");
    expect(refusal(null, ["rules"])).toBe("rules: must be an array of rules");
    expect(refusal([], ["rules"])).toBe(
      "rules: must hold at least one rule; to refuse every assertion, disable the issuer",
    );
    const many = Array.from({ length: TRUST_POLICY_LIMITS.rules + 1 }, (_, index) =>
      rule({ name: `r${index}` }),
    );
    expect(refusal(many, ["rules"])).toBe("rules: must hold at most 50 rules");
    expect(parseTrustRules(many.slice(1))).toHaveLength(50);
  });

  it("refuses a rule that is not an object", () => {
    expect(refusal([rule({}), "r"], ["rules", 1])).toBe("rules[1]: must be an object");
    expect(refusal([[]], ["rules", 0])).toBe("rules[0]: must be an object");
  });

  it("refuses two rules of one name, naming the second", () => {
    expect(
      refusal([rule({ name: "a" }), rule({ name: "b" }), rule({ name: "a" })], ["rules", 2, "name"]),
    ).toBe("rules[2].name: repeats the name of rules[0]");
  });

  it("refuses a policy over 64 KiB as JSON", () => {
    const when = Object.fromEntries(
      Array.from({ length: 32 }, (_, index) => [`c${index}`, { in: ["v".repeat(256), "w".repeat(256)] }]),
    );
    const rules = Array.from({ length: 3 }, (_, index) => rule({ name: `r${index}`, when }));
    expect(JSON.stringify(rules).length).toBeLessThan(65_536);
    expect(parseTrustRules(rules)).toHaveLength(3);
    expect(refusal([...rules, rule({ name: "r3", when })], ["rules"])).toBe(
      "rules: must take at most 65536 bytes as JSON",
    );
  });
});

describe("a rule's fields", () => {
  it("refuses an unknown field", () => {
    expect(ruleRefusal({ scopes: "read" }, ["scopes"])).toBe("rules[1].scopes: is not a known field");
    expect(ruleRefusal({ __proto__: null, constructor: 1 }, ["constructor"])).toBe(
      "rules[1].constructor: is not a known field",
    );
  });

  it("requires a name of a-z, 0-9, _ and -, starting with a letter or digit, at most 64 long", () => {
    const problem = "must be 1 to 64 of a-z, 0-9, _ and -, starting with a letter or digit";
    expect(refusal([{ when: { sub: { exists: true } } }], ["rules", 0, "name"])).toBe(
      "rules[0].name: is required",
    );
    for (const name of ["", "Deploy", "-x", "_x", "a b", "a.b", "é", 7, null, "a".repeat(65)]) {
      expect(ruleRefusal({ name }, ["name"])).toBe(`rules[1].name: ${problem}`);
    }
    expect(parseTrustRules([rule({ name: `0${"a_-".repeat(21)}` })])[0]?.name).toHaveLength(64);
  });

  it("requires when to be an object of 1 to 32 conditions", () => {
    expect(refusal([{ name: "r" }], ["rules", 0, "when"])).toBe("rules[0].when: is required");
    expect(ruleRefusal({ when: [] }, ["when"])).toBe(
      "rules[1].when: must be an object of conditions, keyed by claim",
    );
    expect(ruleRefusal({ when: null }, ["when"])).toBe(
      "rules[1].when: must be an object of conditions, keyed by claim",
    );
    expect(ruleRefusal({ when: {} }, ["when"])).toBe("rules[1].when: must hold at least one condition");
    const conditions = (count: number) =>
      Object.fromEntries(Array.from({ length: count }, (_, index) => [`c${index}`, { exists: true }]));
    expect(ruleRefusal({ when: conditions(33) }, ["when"])).toBe(
      "rules[1].when: must hold at most 32 conditions",
    );
    expect(parseTrustRules([rule({ when: conditions(32) })])[0]?.conditions).toHaveLength(32);
  });

  it("requires scope to be space-separated scope tokens of bounded length", () => {
    expect(ruleRefusal({ scope: 'read "write"' }, ["scope"])).toBe(
      "rules[1].scope: must be space-separated scope tokens",
    );
    expect(ruleRefusal({ scope: ["read"] }, ["scope"])).toBe(
      "rules[1].scope: must be a string of at most 1024 characters",
    );
    expect(ruleRefusal({ scope: "s".repeat(1025) }, ["scope"])).toBe(
      "rules[1].scope: must be a string of at most 1024 characters",
    );
  });

  it(`requires access_token_ttl to be whole seconds from 1 to ${MAX_ACCESS_TOKEN_TTL}, the clients' maximum`, () => {
    for (const ttl of [0, -1, 1.5, "900", true, MAX_ACCESS_TOKEN_TTL + 1]) {
      expect(ruleRefusal({ access_token_ttl: ttl }, ["access_token_ttl"])).toBe(
        "rules[1].access_token_ttl: must be a whole number of seconds between 1 and 86400",
      );
    }
    expect(parseTrustRules([rule({ access_token_ttl: MAX_ACCESS_TOKEN_TTL })])[0]?.accessTokenTtl).toBe(
      86_400,
    );
  });

  it("requires refresh_tokens to be true or false", () => {
    expect(ruleRefusal({ refresh_tokens: "false" }, ["refresh_tokens"])).toBe(
      "rules[1].refresh_tokens: must be true or false",
    );
    expect(ruleRefusal({ refresh_tokens: null }, ["refresh_tokens"])).toBe(
      "rules[1].refresh_tokens: must be true or false",
    );
  });

  it("checks fields in the order of the wire form, unknown ones first", () => {
    expect(ruleRefusal({ name: "Bad", when: {}, extra: 1 }, ["extra"])).toBe(
      "rules[1].extra: is not a known field",
    );
    expect(ruleRefusal({ name: "Bad", when: {} }, ["name"])).toMatch(/^rules\[1\]\.name: /);
  });
});

describe("a condition", () => {
  const when = (claim: string, condition: unknown) => ({
    when: { sub: { exists: true }, [claim]: condition },
  });
  const conditionRefusal = (claim: string, condition: unknown, field: (string | number)[] = [claim]) =>
    ruleRefusal(when(claim, condition), ["when", ...field]);

  it("names the condition's path with the operator whose value is wrong", () => {
    expect(conditionRefusal("ref", { glob: 7 })).toBe("rules[1].when.ref: glob must be a string");
    expect(conditionRefusal("ref", { glob: "" })).toBe("rules[1].when.ref: glob must not be empty");
    expect(conditionRefusal("ref", { glob: "g".repeat(257) })).toBe(
      "rules[1].when.ref: glob must be at most 256 characters",
    );
    expect(conditionRefusal("ref", { eq: null })).toBe(
      "rules[1].when.ref: eq must be a string, number or boolean",
    );
    expect(conditionRefusal("ref", { eq: ["main"] })).toBe(
      "rules[1].when.ref: eq must be a string, number or boolean",
    );
    expect(conditionRefusal("ref", { eq: { a: 1 } })).toBe(
      "rules[1].when.ref: eq must be a string, number or boolean",
    );
    expect(conditionRefusal("ref", { eq: Number.POSITIVE_INFINITY })).toBe(
      "rules[1].when.ref: eq must be a string, number or boolean",
    );
    expect(conditionRefusal("ref", { eq: "e".repeat(257) })).toBe(
      "rules[1].when.ref: eq must be at most 256 characters",
    );
    expect(conditionRefusal("ref", { eq: "a\u0000b" })).toBe(
      "rules[1].when.ref: eq must be text without NUL or unpaired surrogates",
    );
    expect(conditionRefusal("groups", { contains: ["deployers"] })).toBe(
      "rules[1].when.groups: contains must be a string, number or boolean",
    );
    expect(conditionRefusal("env", { exists: "yes" })).toBe(
      "rules[1].when.env: exists must be true or false",
    );
  });

  it("requires in to be a non-empty bounded array of strings, numbers or booleans", () => {
    const problem = "in must be a non-empty array of strings, numbers or booleans";
    expect(conditionRefusal("env", { in: [] })).toBe(`rules[1].when.env: ${problem}`);
    expect(conditionRefusal("env", { in: "prod" })).toBe(`rules[1].when.env: ${problem}`);
    expect(conditionRefusal("env", { in: ["prod", null] })).toBe(
      "rules[1].when.env: in[1] must be a string, number or boolean",
    );
    expect(conditionRefusal("env", { in: ["prod", "\uD800"] })).toBe(
      "rules[1].when.env: in[1] must be text without NUL or unpaired surrogates",
    );
    expect(conditionRefusal("env", { in: Array(65).fill("x") })).toBe(
      "rules[1].when.env: in must hold at most 64 values",
    );
    expect(parseTrustRules([rule(when("env", { in: Array(64).fill("x") }))])[0]?.conditions[1]).toMatchObject(
      {
        operator: "in",
      },
    );
  });

  it("requires exactly one operator", () => {
    const problem = "must have exactly one operator: eq, in, glob, contains, exists";
    expect(conditionRefusal("ref", {})).toBe(`rules[1].when.ref: ${problem}`);
    expect(conditionRefusal("ref", { ignore_case: true })).toBe(`rules[1].when.ref: ${problem}`);
    expect(conditionRefusal("ref", { eq: "a", glob: "a*" })).toBe(`rules[1].when.ref: ${problem}`);
    expect(conditionRefusal("ref", "refs/heads/main")).toBe(
      `rules[1].when.ref: must be an object with exactly one operator: eq, in, glob, contains, exists`,
    );
    expect(conditionRefusal("ref", null)).toMatch(/^rules\[1\]\.when\.ref: must be an object/);
  });

  it("refuses an unknown member on its own path", () => {
    expect(conditionRefusal("ref", { eq: "a", regex: ".*" }, ["ref", "regex"])).toBe(
      "rules[1].when.ref.regex: is not a known field",
    );
    expect(conditionRefusal("ref", { eq: "a", ignoreCase: true }, ["ref", "ignoreCase"])).toBe(
      "rules[1].when.ref.ignoreCase: is not a known field",
    );
  });

  it("allows ignore_case with eq, in and glob only, as a boolean", () => {
    const [parsed] = parseTrustRules([
      rule({
        when: {
          a: { eq: "A", ignore_case: true },
          b: { in: ["B"], ignore_case: true },
          c: { glob: "C*", ignore_case: false },
        },
      }),
    ]);
    expect(parsed?.conditions.map((condition) => "ignoreCase" in condition && condition.ignoreCase)).toEqual([
      true,
      true,
      false,
    ]);
    expect(conditionRefusal("groups", { contains: "d", ignore_case: true })).toBe(
      "rules[1].when.groups: ignore_case applies to eq, in and glob only",
    );
    expect(conditionRefusal("env", { exists: true, ignore_case: false })).toBe(
      "rules[1].when.env: ignore_case applies to eq, in and glob only",
    );
    expect(conditionRefusal("ref", { eq: "a", ignore_case: "yes" })).toBe(
      "rules[1].when.ref: ignore_case must be true or false",
    );
  });

  it("requires its key to be a claim name or a valid JSON Pointer of bounded length", () => {
    expect(conditionRefusal("/a~2b", { exists: true })).toBe(
      'rules[1].when["/a~2b"]: is not a valid JSON Pointer: ~ must be followed by 0 or 1',
    );
    expect(conditionRefusal("", { exists: true })).toBe(
      'rules[1].when[""]: must be a claim name or JSON Pointer of 1 to 256 characters',
    );
    const long = "c".repeat(257);
    expect(conditionRefusal(long, { exists: true })).toBe(
      `rules[1].when.${long}: must be a claim name or JSON Pointer of 1 to 256 characters`,
    );
    expect(conditionRefusal("a\u0000", { exists: true })).toBe(
      'rules[1].when["a\\u0000"]: must be text without NUL or unpaired surrogates',
    );
  });

  it("requires a claim named by digits only to be written as a pointer, so that its place is kept", () => {
    expect(conditionRefusal("42", { exists: true })).toBe(
      'rules[1].when["42"]: a claim named by digits only must be written as a JSON Pointer (/42)',
    );
    expect(parseTrustRules([rule(when("/42", { exists: true }))])[0]?.conditions[1]?.claim).toBe("/42");
  });
});

describe("a subject template", () => {
  const subjectRefusal = (subject: unknown) => ruleRefusal({ subject }, ["subject"]);

  it("accepts {claim} and {/pointer} placeholders between literal text", () => {
    const [parsed] = parseTrustRules([rule({ subject: "gh:{repository_id}:{/kubernetes.io/namespace}" })]);
    expect(parsed?.subject).toBe("gh:{repository_id}:{/kubernetes.io/namespace}");
    expect(parseTrustRules([rule({ subject: "{sub}" })])[0]?.subject).toBe("{sub}");
  });

  it("refuses unbalanced or nested braces", () => {
    expect(subjectRefusal("gh:{repository_id")).toBe("rules[1].subject: has a { without a } after it");
    expect(subjectRefusal("gh:repository_id}")).toBe("rules[1].subject: has a } without a { before it");
    expect(subjectRefusal("{a}}")).toBe("rules[1].subject: has a } without a { before it");
    expect(subjectRefusal("{{a}}")).toBe("rules[1].subject: has a { inside a placeholder");
  });

  it("refuses an empty placeholder or an invalid pointer in one", () => {
    expect(subjectRefusal("gh:{}")).toBe(
      "rules[1].subject: has a placeholder {} that is not a claim name or JSON Pointer",
    );
    expect(subjectRefusal("{/a~9}")).toBe(
      "rules[1].subject: has a placeholder {/a~9} that is not a claim name or JSON Pointer",
    );
  });

  it("requires at least one placeholder, and literal text that can fit in a subject", () => {
    expect(subjectRefusal("svc-deploy")).toBe(
      "rules[1].subject: must hold at least one {claim} or {/pointer} placeholder",
    );
    expect(subjectRefusal("")).toBe(
      "rules[1].subject: must hold at least one {claim} or {/pointer} placeholder",
    );
    expect(subjectRefusal(`${"x".repeat(256)}{sub}`)).toBe(
      "rules[1].subject: has more than 255 characters of literal text",
    );
    expect(parseTrustRules([rule({ subject: `${"x".repeat(255)}{sub}` })])[0]?.subject).toHaveLength(260);
  });

  it("is a bounded string of storable text", () => {
    expect(subjectRefusal(7)).toBe("rules[1].subject: must be a template of at most 512 characters");
    expect(subjectRefusal(`{${"a".repeat(511)}}`)).toBe(
      "rules[1].subject: must be a template of at most 512 characters",
    );
    expect(subjectRefusal("{sub}\u0000")).toBe(
      "rules[1].subject: must be text without NUL or unpaired surrogates",
    );
  });
});

describe("mapped claims", () => {
  const claimsRefusal = (claims: unknown, target?: string) =>
    ruleRefusal({ claims }, target === undefined ? ["claims"] : ["claims", target]);

  it("refuses a registered or reserved claim as a target", () => {
    for (const target of [
      "iss",
      "sub",
      "aud",
      "exp",
      "nbf",
      "iat",
      "jti",
      "client_id",
      "scope",
      "cnf",
      "act",
    ]) {
      expect(claimsRefusal({ [target]: "repository" }, target)).toBe(
        `rules[1].claims.${target}: is a reserved claim: the access token sets it itself`,
      );
    }
    for (const target of ["may_act", "azp", "auth_time", "acr", "amr", "assertion_iss"]) {
      expect(claimsRefusal({ [target]: "x" }, target)).toMatch(/: is a reserved claim/);
    }
    const proto = JSON.parse('{"__proto__": "repository"}') as unknown;
    expect(claimsRefusal(proto, "__proto__")).toBe(
      "rules[1].claims.__proto__: is a reserved claim: the access token sets it itself",
    );
  });

  it("requires a bounded non-empty target, not digits only", () => {
    expect(claimsRefusal({ "": "repository" }, "")).toBe(
      'rules[1].claims[""]: must be a claim name of 1 to 256 characters',
    );
    expect(claimsRefusal({ ["t".repeat(257)]: "x" }, "t".repeat(257))).toMatch(
      /must be a claim name of 1 to 256/,
    );
    expect(claimsRefusal({ "7": "x" }, "7")).toBe('rules[1].claims["7"]: must not be digits only');
  });

  it("requires each source to be a valid claim reference", () => {
    expect(claimsRefusal({ repo: 7 }, "repo")).toBe(
      "rules[1].claims.repo: must be a claim name or JSON Pointer",
    );
    expect(claimsRefusal({ repo: "" }, "repo")).toBe(
      "rules[1].claims.repo: must be a claim name or JSON Pointer of 1 to 256 characters",
    );
    expect(claimsRefusal({ repo: "/a~" }, "repo")).toBe(
      "rules[1].claims.repo: is not a valid JSON Pointer: ~ must be followed by 0 or 1",
    );
  });

  it("must be an object of at most 16 mappings", () => {
    expect(claimsRefusal(["repository"])).toBe(
      "rules[1].claims: must be an object of claim name to source claim",
    );
    const many = Object.fromEntries(Array.from({ length: 17 }, (_, index) => [`t${index}`, "s"]));
    expect(claimsRefusal(many)).toBe("rules[1].claims: must map at most 16 claims");
  });
});
