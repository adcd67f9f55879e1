import { base64url } from "jose";
import { describe, expect, it } from "vitest";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness } from "./support/harness.js";

const b64 = (value: unknown) => base64url.encode(new TextEncoder().encode(JSON.stringify(value)));

describe("assertion shape (step 1)", () => {
  it("requires the assertion parameter", async () => {
    const h = await createHarness();
    await expectOAuthError(
      h.engine.exchangeJwtBearer({ client: h.client, assertion: undefined, scope: undefined }),
      "invalid_request",
      "assertion_missing",
    );
  });

  it("refuses a JWE (five parts) with a clear message", async () => {
    const h = await createHarness();
    const error = await expectOAuthError(
      h.exchange("eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d"),
      "invalid_grant",
      "assertion_encrypted",
    );
    expect(error.description).toMatch(/JWE/);
  });

  it("refuses two parts", async () => {
    const h = await createHarness();
    await expectOAuthError(
      h.exchange(`${b64({ alg: "ES256" })}.${b64(h.claims())}`),
      "invalid_grant",
      "assertion_malformed",
    );
  });

  it("refuses segments that are not base64url", async () => {
    const h = await createHarness();
    const [head, , sig] = (await h.sign()).split(".");
    await expectOAuthError(
      h.exchange(`${head}.not+base64/==.${sig}`),
      "invalid_grant",
      "assertion_malformed",
    );
  });

  it("refuses a payload that is not JSON", async () => {
    const h = await createHarness();
    const [head, , sig] = (await h.sign()).split(".");
    const notJson = base64url.encode(new TextEncoder().encode("not json"));
    await expectOAuthError(h.exchange(`${head}.${notJson}.${sig}`), "invalid_grant", "assertion_malformed");
  });

  it("refuses a JSON array payload", async () => {
    const h = await createHarness();
    await expectOAuthError(h.exchange(await h.sign([h.claims()])), "invalid_grant", "assertion_malformed");
  });

  it("refuses a header that is not a JSON object", async () => {
    const h = await createHarness();
    const [, payload, sig] = (await h.sign()).split(".");
    await expectOAuthError(
      h.exchange(`${b64("ES256")}.${payload}.${sig}`),
      "invalid_grant",
      "assertion_malformed",
    );
  });

  it("refuses an assertion over 16 KiB before looking at it further", async () => {
    const h = await createHarness();
    const big = await h.sign(h.claims({ padding: "x".repeat(16 * 1024) }));
    await expectOAuthError(h.exchange(big), "invalid_grant", "assertion_too_large");
  });

  it("accepts an assertion just under the limit", async () => {
    const h = await createHarness();
    const claims = h.claims();
    const base = (await h.sign(claims)).length;
    const padded = await h.sign({
      ...claims,
      padding: "x".repeat(Math.floor(((16 * 1024 - base) * 3) / 4) - 20),
    });
    expect(padded.length).toBeLessThanOrEqual(16 * 1024);
    await h.expectIssued(h.exchange(padded));
  });
});
