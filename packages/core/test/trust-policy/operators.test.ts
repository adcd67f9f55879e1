import { describe, expect, it } from "vitest";
import type { JsonValue } from "../../src/domain/json-value.js";
import type { TrustCondition } from "../../src/domain/trust-rule.js";
import { compileCondition } from "../../src/trust-policy/compile-condition.js";

const test = (condition: TrustCondition, value: JsonValue | undefined) => compileCondition(condition)(value);
const eq = (value: string | number | boolean, ignoreCase = false): TrustCondition => ({
  claim: "c",
  operator: "eq",
  value,
  ignoreCase,
});
const inList = (value: (string | number | boolean)[], ignoreCase = false): TrustCondition => ({
  claim: "c",
  operator: "in",
  value,
  ignoreCase,
});
const glob = (value: string, ignoreCase = false): TrustCondition => ({
  claim: "c",
  operator: "glob",
  value,
  ignoreCase,
});
const contains = (value: string | number | boolean): TrustCondition => ({
  claim: "c",
  operator: "contains",
  value,
});
const exists = (value: boolean): TrustCondition => ({ claim: "c", operator: "exists", value });

describe("eq", () => {
  it("holds for the same type and value only, never coercing", () => {
    expect(test(eq("1342004"), "1342004")).toBe(true);
    expect(test(eq("1342004"), 1342004)).toBe(false);
    expect(test(eq(1342004), "1342004")).toBe(false);
    expect(test(eq(1342004), 1342004)).toBe(true);
    expect(test(eq(true), "true")).toBe(false);
    expect(test(eq("true"), true)).toBe(false);
    expect(test(eq(true), true)).toBe(true);
    expect(test(eq(false), 0)).toBe(false);
    expect(test(eq(0), false)).toBe(false);
    expect(test(eq(""), 0)).toBe(false);
  });

  it("fails on a missing, null, array or object claim", () => {
    expect(test(eq("x"), undefined)).toBe(false);
    expect(test(eq("null"), null)).toBe(false);
    expect(test(eq("x"), ["x"])).toBe(false);
    expect(test(eq("[object Object]"), { x: 1 })).toBe(false);
  });

  it("compares strings with ASCII case folded under ignore_case, and nothing else", () => {
    expect(test(eq("Acme/App", true), "acme/APP")).toBe(true);
    expect(test(eq("Acme/App"), "acme/APP")).toBe(false);
    expect(test(eq("1", true), 1)).toBe(false);
    expect(test(eq(1, true), "1")).toBe(false);
    expect(test(eq(true, true), "TRUE")).toBe(false);
    expect(test(eq("ß", true), "SS")).toBe(false);
  });
});

describe("in", () => {
  it("holds when the claim equals one value, in type and value", () => {
    expect(test(inList(["prod", "staging"]), "staging")).toBe(true);
    expect(test(inList(["prod", "staging"]), "dev")).toBe(false);
    expect(test(inList(["1", 2]), 1)).toBe(false);
    expect(test(inList(["1", 2]), "2")).toBe(false);
    expect(test(inList(["1", 2]), 2)).toBe(true);
    expect(test(inList([true]), "true")).toBe(false);
  });

  it("fails on a missing, null, array or object claim", () => {
    expect(test(inList(["x"]), undefined)).toBe(false);
    expect(test(inList(["x"]), null)).toBe(false);
    expect(test(inList(["x"]), ["x"])).toBe(false);
    expect(test(inList(["x"]), { x: "x" })).toBe(false);
  });

  it("folds ASCII case of strings under ignore_case", () => {
    expect(test(inList(["Prod", 7], true), "PROD")).toBe(true);
    expect(test(inList(["Prod", 7], true), "7")).toBe(false);
    expect(test(inList(["Prod", 7], true), 7)).toBe(true);
    expect(test(inList(["Prod"]), "PROD")).toBe(false);
  });
});

describe("glob", () => {
  it("holds for a string matching the whole pattern", () => {
    expect(test(glob("refs/heads/release/*"), "refs/heads/release/1.2")).toBe(true);
    expect(test(glob("refs/heads/release/*"), "refs/heads/main")).toBe(false);
    expect(test(glob("Refs/*", true), "refs/heads")).toBe(true);
  });

  it("fails on anything but a string", () => {
    expect(test(glob("*"), 12)).toBe(false);
    expect(test(glob("**"), true)).toBe(false);
    expect(test(glob("**"), ["a"])).toBe(false);
    expect(test(glob("**"), { a: "b" })).toBe(false);
    expect(test(glob("**"), null)).toBe(false);
    expect(test(glob("**"), undefined)).toBe(false);
  });
});

describe("contains", () => {
  it("holds for an array holding an element equal in type and value", () => {
    expect(test(contains("deployers"), ["readers", "deployers"])).toBe(true);
    expect(test(contains("deployers"), ["readers", "Deployers"])).toBe(false);
    expect(test(contains(1), ["1"])).toBe(false);
    expect(test(contains("1"), [1])).toBe(false);
    expect(test(contains(true), ["true", true])).toBe(true);
    expect(test(contains("x"), [["x"], { x: "x" }])).toBe(false);
  });

  it("fails on anything but an array, including the bare value", () => {
    expect(test(contains("deployers"), "deployers")).toBe(false);
    expect(test(contains("d"), "deployers")).toBe(false);
    expect(test(contains("deployers"), { 0: "deployers" })).toBe(false);
    expect(test(contains("deployers"), null)).toBe(false);
    expect(test(contains("deployers"), undefined)).toBe(false);
  });
});

describe("exists", () => {
  it("true holds for any present non-null value, objects and falsy values included", () => {
    expect(test(exists(true), "")).toBe(true);
    expect(test(exists(true), 0)).toBe(true);
    expect(test(exists(true), false)).toBe(true);
    expect(test(exists(true), { a: 1 })).toBe(true);
    expect(test(exists(true), [])).toBe(true);
    expect(test(exists(true), null)).toBe(false);
    expect(test(exists(true), undefined)).toBe(false);
  });

  it("false holds for a missing or null claim only", () => {
    expect(test(exists(false), undefined)).toBe(true);
    expect(test(exists(false), null)).toBe(true);
    expect(test(exists(false), "")).toBe(false);
    expect(test(exists(false), { a: 1 })).toBe(false);
  });
});
