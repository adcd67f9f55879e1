import { describe, expect, it } from "vitest";
import { redactUrlUserinfo } from "../src/index.js";

describe("redactUrlUserinfo", () => {
  it.each([
    ['DATABASE_URL: got "postgres://u:s3cret@host:bad"', 'DATABASE_URL: got "postgres://***@host:bad"'],
    [
      "connect postgres://user:pa@ss/w#rd@db.example:5432/x failed",
      "connect postgres://***@db.example:5432/x failed",
    ],
    [
      "two: https://a:b@x.example/ and http://c@y.example",
      "two: https://***@x.example/ and http://***@y.example",
    ],
    ['{"error":"at POSTGRESQL://u:p@h/db"}', '{"error":"at POSTGRESQL://***@h/db"}'],
  ])("hides the userinfo in %s", (text, redacted) => {
    expect(redactUrlUserinfo(text)).toBe(redacted);
  });

  it("leaves text without userinfo as it is", () => {
    const text = "GET https://idp.example/jwks?x=1 answered 500; mail ops@example.com";
    expect(redactUrlUserinfo(text)).toBe(text);
  });
});
