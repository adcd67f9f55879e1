import { ConflictError, invalidRequest } from "@jwtgrant/core";
import { describe, expect, it } from "vitest";
import { formError } from "../src/console/form-error.js";

describe("a refused console form", () => {
  it("shows a field error beside the input its path starts with", () => {
    const error = invalidRequest("jwks.keys[0]: must not hold private material", {
      reason: "invalid_field",
      field: ["jwks", "keys", 0],
    });
    expect(formError(error)).toEqual({
      status: 400,
      message: "jwks.keys[0]: must not hold private material",
      field: "jwks",
    });
  });

  it("reads the field from the error, never from the text of its description", () => {
    const combination = invalidRequest("certificate: or jwks_uri, one of them", { reason: "invalid_field" });
    expect(formError(combination).field).toBeUndefined();
    expect(formError(new ConflictError("issuer: already registered"))).toEqual({
      status: 409,
      message: "issuer: already registered",
      field: undefined,
    });
  });
});
