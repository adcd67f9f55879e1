import { describe, expect, it } from "vitest";
import { parseClaimReference } from "../../src/trust-policy/parse-claim-reference.js";
import { resolveClaim } from "../../src/trust-policy/resolve-claim.js";

const resolve = (claims: Record<string, unknown>, reference: string) => {
  const path = parseClaimReference(reference);
  if (path === null) throw new Error(`${reference} does not parse`);
  return resolveClaim(claims, path);
};

describe("a claim reference", () => {
  it("is a plain name, or an RFC 6901 pointer when it starts with /", () => {
    expect(parseClaimReference("repository_owner_id")).toEqual(["repository_owner_id"]);
    expect(parseClaimReference("/repository_owner_id")).toEqual(["repository_owner_id"]);
    expect(parseClaimReference("/kubernetes.io/namespace")).toEqual(["kubernetes.io", "namespace"]);
    expect(parseClaimReference("kubernetes.io/namespace")).toEqual(["kubernetes.io/namespace"]);
    expect(parseClaimReference("a~b")).toEqual(["a~b"]);
    expect(parseClaimReference("/")).toEqual([""]);
  });

  it("unescapes ~1 to / and ~0 to ~, left to right", () => {
    expect(parseClaimReference("/a~1b/c~0d")).toEqual(["a/b", "c~d"]);
    expect(parseClaimReference("/~01")).toEqual(["~1"]);
    expect(parseClaimReference("/~10")).toEqual(["/0"]);
  });

  it("refuses an empty reference and any other ~ escape in a pointer", () => {
    expect(parseClaimReference("")).toBeNull();
    expect(parseClaimReference("/a~2")).toBeNull();
    expect(parseClaimReference("/a~")).toBeNull();
    expect(parseClaimReference("/~x/b")).toBeNull();
  });
});

describe("resolving a claim", () => {
  const claims = {
    sub: "repo:octo-org/octo-repo:environment:prod",
    "kubernetes.io": { namespace: "prod", pods: [{ name: "p0" }, { name: "p1" }] },
    "a/b": { "c~d": 7 },
    groups: ["deployers", "readers"],
    empty: null,
  };

  it("reads a name or a pointer to the same top-level claim alike", () => {
    expect(resolve(claims, "sub")).toBe("repo:octo-org/octo-repo:environment:prod");
    expect(resolve(claims, "/sub")).toBe("repo:octo-org/octo-repo:environment:prod");
    expect(resolve(claims, "empty")).toBeNull();
    expect(resolve(claims, "missing")).toBeUndefined();
  });

  it("walks nested objects and escaped tokens", () => {
    expect(resolve(claims, "/kubernetes.io/namespace")).toBe("prod");
    expect(resolve(claims, "/a~1b/c~0d")).toBe(7);
    expect(resolve(claims, "/kubernetes.io/namespace/x")).toBeUndefined();
    expect(resolve(claims, "/sub/0")).toBeUndefined();
  });

  it("indexes arrays as RFC 6901 says: no leading zero, no -, within bounds", () => {
    expect(resolve(claims, "/groups/0")).toBe("deployers");
    expect(resolve(claims, "/groups/1")).toBe("readers");
    expect(resolve(claims, "/kubernetes.io/pods/1/name")).toBe("p1");
    expect(resolve(claims, "/groups/2")).toBeUndefined();
    expect(resolve(claims, "/groups/01")).toBeUndefined();
    expect(resolve(claims, "/groups/-")).toBeUndefined();
    expect(resolve(claims, "/groups/length")).toBeUndefined();
    expect(resolve(claims, "/groups/ 1")).toBeUndefined();
  });

  it("finds own members only, never a prototype's", () => {
    expect(resolve(claims, "constructor")).toBeUndefined();
    expect(resolve(claims, "__proto__")).toBeUndefined();
    expect(resolve(claims, "toString")).toBeUndefined();
    expect(resolve(claims, "/groups/constructor")).toBeUndefined();
    expect(resolve(claims, "/kubernetes.io/hasOwnProperty")).toBeUndefined();
    const decoded = JSON.parse('{"__proto__": {"admin": true}, "constructor": "c"}') as Record<
      string,
      unknown
    >;
    expect(resolve(decoded, "/__proto__/admin")).toBe(true);
    expect(resolve(decoded, "constructor")).toBe("c");
  });

  it("never runs a getter", () => {
    let reads = 0;
    const claimsWithGetter = Object.defineProperty({}, "sub", {
      enumerable: true,
      get: () => {
        reads++;
        return "s";
      },
    });
    expect(resolve(claimsWithGetter, "sub")).toBeUndefined();
    expect(reads).toBe(0);
  });
});
