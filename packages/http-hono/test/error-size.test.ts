import { invalidRequest, NotFoundError } from "@jwtgrant/core";
import { describe, expect, it } from "vitest";
import { capDescription, MAX_DESCRIPTION_BYTES } from "../src/errors/cap-description.js";
import { describeError } from "../src/errors/error-response.js";
import { createAdminHarness, expectError } from "./admin-harness.js";

const jsonBytes = (text: string) => new TextEncoder().encode(JSON.stringify(text)).length - 2;

describe("error bodies stay small", () => {
  it("lists the first ten problems of a 20,000-element key set, and how many more", async () => {
    const { request } = createAdminHarness();
    const rawBody = JSON.stringify({
      issuer: "https://idp.example.com",
      jwks: { keys: Array.from({ length: 20_000 }, (_, i) => i) },
    });
    expect(rawBody.length).toBeGreaterThan(60_000);
    const response = await request("POST", "/issuers", { rawBody });
    expectError(response, 400, "invalid_request", undefined, "jwks.keys[0]");
    expect(response.text.length).toBeLessThan(MAX_DESCRIPTION_BYTES + 100);
    const description = response.json<{ error_description: string }>().error_description;
    const listed = description.split("; ");
    expect(listed).toHaveLength(11);
    expect(listed.slice(0, 10).every((problem, i) => problem.startsWith(`jwks.keys[${i}]: `))).toBe(true);
    expect(listed[10]).toBe("and 19990 more");
    expect(await request("GET", "/issuers").then((r) => r.json())).toEqual({ items: [] });
  });

  it("caps a description that echoes a huge field name", async () => {
    const { request } = createAdminHarness();
    const name = "x".repeat(50_000);
    const response = await request("POST", "/issuers", {
      body: { issuer: "https://idp.example.com", jwks: { keys: [] }, [name]: 1 },
    });
    expectError(response, 400, "invalid_request", /^x+ …$/);
    expect(jsonBytes(response.json<{ error_description: string }>().error_description)).toBeLessThanOrEqual(
      MAX_DESCRIPTION_BYTES,
    );
  });

  it("caps OAuth and admin descriptions alike", () => {
    const long = "é".repeat(5000);
    for (const error of [invalidRequest(long, { reason: "invalid_field" }), new NotFoundError(long)]) {
      const { body } = describeError(error);
      expect(jsonBytes(body.error_description)).toBeLessThanOrEqual(MAX_DESCRIPTION_BYTES);
      expect(body.error_description).toMatch(/^é+ …$/);
    }
  });

  it("cuts between characters, counting what JSON escaping adds", () => {
    for (const unit of ["a", "é", "€", "😀", '"', "\u0001", "\ud800"]) {
      const capped = capDescription(unit.repeat(3000));
      expect(jsonBytes(capped)).toBeLessThanOrEqual(MAX_DESCRIPTION_BYTES);
      expect(jsonBytes(capped)).toBeGreaterThan(MAX_DESCRIPTION_BYTES - 8);
      expect(capped.endsWith(" …")).toBe(true);
      expect(capped.slice(0, -2)).toBe(unit.repeat(capped.slice(0, -2).length / unit.length));
    }
    const fits = "a".repeat(MAX_DESCRIPTION_BYTES);
    expect(capDescription(fits)).toBe(fits);
  });
});
