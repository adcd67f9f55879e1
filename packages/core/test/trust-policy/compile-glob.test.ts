import { describe, expect, it } from "vitest";
import { compileGlob } from "../../src/trust-policy/compile-glob.js";
import { createRandom } from "./support/generate-policy-cases.js";
import { globOracle } from "./support/glob-oracle.js";

const matches = (pattern: string, input: string, ignoreCase = false) =>
  compileGlob(pattern, ignoreCase)(input);

describe("a glob", () => {
  it("lets * match a run within one segment, not across / or :", () => {
    expect(matches("refs/heads/*", "refs/heads/main")).toBe(true);
    expect(matches("refs/heads/*", "refs/heads/a/b")).toBe(false);
    expect(matches("repo:octo-org/*", "repo:octo-org/app")).toBe(true);
    expect(matches("repo:*", "repo:octo-org/app")).toBe(false);
    expect(matches("env-*", "env-prod:x")).toBe(false);
  });

  it("lets * and ** match the empty run", () => {
    expect(matches("refs/heads/*", "refs/heads/")).toBe(true);
    expect(matches("a*b", "ab")).toBe(true);
    expect(matches("a**b", "ab")).toBe(true);
    expect(matches("*", "")).toBe(true);
    expect(matches("**", "")).toBe(true);
  });

  it("never lets the literal text at its two ends overlap", () => {
    expect(matches("ab*ba", "aba")).toBe(false);
    expect(matches("ab*ba", "abba")).toBe(true);
    expect(matches("ab**ba", "ab/ba")).toBe(true);
    expect(matches("😀*😀", "😀")).toBe(false);
    expect(matches("😀*😀", "😀😀")).toBe(true);
    expect(matches("😀?😀", "😀😃😀")).toBe(true);
  });

  it("lets ** cross segments and colons", () => {
    expect(matches("refs/heads/**", "refs/heads/release/1.2/hotfix")).toBe(true);
    expect(matches("repo:octo-org/**", "repo:octo-org/app:ref:refs/heads/main")).toBe(true);
    expect(matches("**/main", "refs/heads/main")).toBe(true);
    expect(matches("**/main", "refs/heads/maint")).toBe(false);
    expect(matches("a/**/z", "a/z")).toBe(false);
    expect(matches("a/**/z", "a//z")).toBe(true);
  });

  it("treats three or more stars as **", () => {
    expect(matches("a***z", "a/b:c/z")).toBe(true);
    expect(matches("a****z", "a/z")).toBe(true);
  });

  it("lets ? match exactly one character other than / and :", () => {
    expect(matches("v?", "v1")).toBe(true);
    expect(matches("v?", "v")).toBe(false);
    expect(matches("v?", "v12")).toBe(false);
    expect(matches("a?b", "a/b")).toBe(false);
    expect(matches("a?b", "a:b")).toBe(false);
    expect(matches("a?b", "a😀b")).toBe(true);
  });

  it("matches the whole string only, every other character literally", () => {
    expect(matches("main", "main")).toBe(true);
    expect(matches("main", "mainline")).toBe(false);
    expect(matches("main", "x-main")).toBe(false);
    expect(matches("release-*", "prerelease-1")).toBe(false);
    expect(matches("a.b", "axb")).toBe(false);
    expect(matches("[ab]", "a")).toBe(false);
    expect(matches("[ab]", "[ab]")).toBe(true);
    expect(matches("a+", "aa")).toBe(false);
    expect(matches("(x|y)*", "(x|y)z")).toBe(true);
    expect(matches("\\*", "\\anything")).toBe(true);
  });

  it("folds ASCII case with ignore_case, on both pattern and input", () => {
    expect(matches("Refs/Heads/*", "refs/heads/Main", true)).toBe(true);
    expect(matches("octo-org/APP", "OCTO-ORG/app", true)).toBe(true);
    expect(matches("octo-org/app", "OCTO-ORG/app")).toBe(false);
    expect(matches("Refs/Heads/*", "refs/heads/Main")).toBe(false);
  });

  it("does not let a non-ASCII letter stand for an ASCII one under ignore_case", () => {
    // U+212A KELVIN SIGN lowers to "k" in Unicode; ignore_case folds ASCII only.
    expect(matches("k8s-*", "\u212A8s-prod", true)).toBe(false);
    expect(matches("k8s", "\u212A8s", true)).toBe(false);
    expect(matches("K8S", "k8s", true)).toBe(true);
  });

  it("runs a pattern that would make a backtracking matcher explode in linear time", () => {
    const input = "a".repeat(10_000);
    expect(matches("**a**a**a**a**a**a**a**b", input)).toBe(false);
    expect(matches("**a**a**a**a**a**a**a**a", input)).toBe(true);
    expect(matches("*a*a*a*a*a*a*a*b", input)).toBe(false);
    expect(matches("?*?*?*?*?*?*?*?*c", input)).toBe(false);
  });
});

describe("a compiled glob, against the plain reading of the rules on generated cases", () => {
  it("agrees with a backtracking reference on every pattern and input", () => {
    const random = createRandom(7);
    const alphabet = ["a", "b", "A", "/", ":", "*", "?"];
    let matched = 0;
    for (let round = 0; round < 4000; round++) {
      const pattern = Array.from({ length: random.int(7) }, () => random.pick(alphabet)).join("");
      const input = Array.from({ length: random.int(9) }, () => random.pick(alphabet.slice(0, 5))).join("");
      const ignoreCase = random.chance(0.3);
      const fold = (text: string) => (ignoreCase ? text.toLowerCase() : text);
      const expected = globOracle(Array.from(fold(pattern)), Array.from(fold(input)));
      expect(matches(pattern, input, ignoreCase), `${pattern} ${input} ${ignoreCase}`).toBe(expected);
      if (expected) matched++;
    }
    // Both outcomes were exercised, not only refusals.
    expect(matched).toBeGreaterThan(100);
  });
});
