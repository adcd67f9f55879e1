import { describe, expect, it } from "vitest";
import { fieldError } from "../src/admin/field-error.js";
import { formatFieldPath } from "../src/errors/field-path.js";

describe("a field path", () => {
  it("joins names with dots and writes indexes in brackets", () => {
    expect(formatFieldPath(["rules", 1, "when", "ref"])).toBe("rules[1].when.ref");
    expect(formatFieldPath(["jwks", "keys", 0])).toBe("jwks.keys[0]");
  });

  it("JSON-quotes a key that is not a name", () => {
    expect(formatFieldPath(["rules", 0, "when", "/kubernetes.io/namespace"])).toBe(
      'rules[0].when["/kubernetes.io/namespace"]',
    );
    expect(formatFieldPath(['a"b', "c"])).toBe('["a\\"b"].c');
    expect(formatFieldPath(["", "x-y", "0"])).toBe('[""]["x-y"]["0"]');
  });

  it("is carried by a field error, which also names it first in its description", () => {
    const error = fieldError(["jwks", "keys", 2], "must be a public key");
    expect(error.field).toEqual(["jwks", "keys", 2]);
    expect(error.description).toBe("jwks.keys[2]: must be a public key");
    expect(error.reason).toBe("invalid_field");
    expect(fieldError("issuer", "is required").field).toEqual(["issuer"]);
  });
});
