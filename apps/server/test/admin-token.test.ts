import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generatedTokenNotice } from "../src/admin-token.js";

describe("the notice of a generated admin token", () => {
  const token = "jgat_generated-token-value";

  it("names the file only, when stderr is not a terminal (a log collector)", () => {
    expect(generatedTokenNotice("/srv/jwtgrant", token, false)).toBe(
      `jwtgrant: generated an admin token, kept in ${join("/srv/jwtgrant", "admin-token")}\n`,
    );
  });

  it("shows the token too to a person at a terminal", () => {
    expect(generatedTokenNotice("/srv/jwtgrant", token, true)).toBe(
      `jwtgrant: generated an admin token, kept in ${join("/srv/jwtgrant", "admin-token")}: ${token}\n`,
    );
  });
});
