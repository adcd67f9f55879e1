import { describe, expect, it } from "vitest";
import { readBasicCredentials } from "../src/oauth/basic-credentials.js";

/** `Basic` with the base64 of these bytes, as a client would send them. */
const basicOfBytes = (bytes: Uint8Array) => `Basic ${btoa(String.fromCharCode(...bytes))}`;
const basicOf = (text: string) => basicOfBytes(new TextEncoder().encode(text));

describe("Basic credentials (RFC 6749 §2.3.1)", () => {
  it("takes plain parts as they are", () => {
    expect(readBasicCredentials(basicOf("svc-a:jgcs_abc-DEF_123"))).toEqual({
      clientId: "svc-a",
      clientSecret: "jgcs_abc-DEF_123",
    });
  });

  it("form-decodes each part: `+` is a space, percent-escapes are UTF-8", () => {
    expect(readBasicCredentials(basicOf("my+client:p%C3%A9%2B%3A+x"))).toEqual({
      clientId: "my client",
      clientSecret: "pé+: x",
    });
  });

  it("reads parts sent as raw UTF-8 without form encoding", () => {
    expect(readBasicCredentials(basicOf("clïent:sécret"))).toEqual({
      clientId: "clïent",
      clientSecret: "sécret",
    });
  });

  it("splits at the first colon only", () => {
    expect(readBasicCredentials(basicOf("a:b:c"))).toEqual({ clientId: "a", clientSecret: "b:c" });
  });

  it("ignores other schemes and an absent header", () => {
    expect(readBasicCredentials(undefined)).toBeUndefined();
    expect(readBasicCredentials("Bearer abc")).toBeUndefined();
  });

  it.each([
    ["bytes that are not UTF-8", basicOfBytes(new Uint8Array([0x61, 0x3a, 0xff, 0xfe]))],
    ["a broken percent-escape", basicOf("a:%zz")],
    ["no colon", basicOf("no-colon")],
    ["an empty client id", basicOf(":secret")],
    ["no base64", "Basic !!!"],
    ["no credentials", "Basic"],
    ["two credentials", `${basicOf("a:b")} ${btoa("c:d")}`],
  ])("refuses %s as invalid_client", (_, authorization) => {
    expect(() => readBasicCredentials(authorization)).toThrow(
      expect.objectContaining({ name: "OAuthError", code: "invalid_client" }),
    );
  });
});
