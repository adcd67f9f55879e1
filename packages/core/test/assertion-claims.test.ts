import { describe, expect, it } from "vitest";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness, SERVER, TOKEN_ENDPOINT } from "./support/harness.js";

const SKEW = 60;

describe("claims (step 5)", () => {
  describe("exp", () => {
    it("is required", async () => {
      const h = await createHarness();
      await expectOAuthError(
        h.exchange(await h.sign(h.claims({ exp: undefined }))),
        "invalid_grant",
        "exp_missing",
      );
    });

    it("must be a number, not a string", async () => {
      const h = await createHarness();
      const exp = String(h.clock.nowSeconds() + 300);
      await expectOAuthError(h.exchange(await h.sign(h.claims({ exp }))), "invalid_grant", "exp_malformed");
    });

    it("refuses an expired assertion beyond the skew, accepts one within it", async () => {
      const h = await createHarness();
      const now = h.clock.nowSeconds();
      await h.expectIssued(h.exchange(await h.sign(h.claims({ iat: now - 100, exp: now - SKEW + 1 }))));
      await expectOAuthError(
        h.exchange(await h.sign(h.claims({ iat: now - 100, exp: now - SKEW }))),
        "invalid_grant",
        "exp_passed",
      );
    });
  });

  describe("nbf", () => {
    it("refuses an assertion not valid yet beyond the skew, accepts one within it", async () => {
      const h = await createHarness();
      const now = h.clock.nowSeconds();
      await h.expectIssued(h.exchange(await h.sign(h.claims({ nbf: now + SKEW }))));
      await expectOAuthError(
        h.exchange(await h.sign(h.claims({ nbf: now + SKEW + 1 }))),
        "invalid_grant",
        "nbf_future",
      );
    });

    it("must be a number", async () => {
      const h = await createHarness();
      await expectOAuthError(
        h.exchange(await h.sign(h.claims({ nbf: "0" }))),
        "invalid_grant",
        "nbf_malformed",
      );
    });
  });

  describe("iat", () => {
    it("refuses an assertion issued in the future beyond the skew", async () => {
      const h = await createHarness();
      const now = h.clock.nowSeconds();
      await h.expectIssued(h.exchange(await h.sign(h.claims({ iat: now + SKEW }))));
      await expectOAuthError(
        h.exchange(await h.sign(h.claims({ iat: now + SKEW + 1 }))),
        "invalid_grant",
        "iat_future",
      );
    });

    it("refuses an assertion issued longer ago than the maximum age", async () => {
      const h = await createHarness({ engine: { maxIssuedAtAgeSeconds: 600 } });
      const now = h.clock.nowSeconds();
      await h.expectIssued(h.exchange(await h.sign(h.claims({ iat: now - 600 - SKEW, exp: now + 60 }))));
      await expectOAuthError(
        h.exchange(await h.sign(h.claims({ iat: now - 600 - SKEW - 1, exp: now + 60 }))),
        "invalid_grant",
        "iat_too_old",
      );
    });

    it("must be a number", async () => {
      const h = await createHarness();
      await expectOAuthError(
        h.exchange(await h.sign(h.claims({ iat: null }))),
        "invalid_grant",
        "iat_malformed",
      );
    });
  });

  describe("lifetime", () => {
    it("refuses exp − iat over the maximum", async () => {
      const h = await createHarness({ engine: { maxAssertionLifetimeSeconds: 600 } });
      const now = h.clock.nowSeconds();
      await h.expectIssued(h.exchange(await h.sign(h.claims({ iat: now, exp: now + 600 }))));
      await expectOAuthError(
        h.exchange(await h.sign(h.claims({ iat: now, exp: now + 601 }))),
        "invalid_grant",
        "lifetime_too_long",
      );
    });

    it("measures from now when iat is absent", async () => {
      const h = await createHarness();
      const now = h.clock.nowSeconds();
      await h.expectIssued(h.exchange(await h.sign(h.claims({ iat: undefined, exp: now + 3600 }))));
      await expectOAuthError(
        h.exchange(await h.sign(h.claims({ iat: undefined, exp: now + 3601 }))),
        "invalid_grant",
        "lifetime_too_long",
      );
    });
  });

  describe("sub", () => {
    for (const [label, sub] of [
      ["missing", undefined],
      ["empty", ""],
      ["a number", 7],
      ["an object", { id: 1 }],
      ["with a NUL", "svc\u0000a"],
      ["with an unpaired surrogate", "svc-\ud83d"],
    ] as const) {
      it(`refuses sub ${label}`, async () => {
        const h = await createHarness();
        await expectOAuthError(h.exchange(await h.sign(h.claims({ sub }))), "invalid_grant", "sub_invalid");
      });
    }

    it("accepts any text, characters outside the BMP included", async () => {
      const h = await createHarness();
      const granted = await h.exchange(await h.sign(h.claims({ sub: "svc-\u{1F680}-é" })));
      expect(granted.tokenType).toBe("Bearer");
    });
  });

  describe("aud", () => {
    it("is required", async () => {
      const h = await createHarness();
      await expectOAuthError(
        h.exchange(await h.sign(h.claims({ aud: undefined }))),
        "invalid_grant",
        "aud_invalid",
      );
    });

    it("refuses another audience", async () => {
      const h = await createHarness();
      await expectOAuthError(
        h.exchange(await h.sign(h.claims({ aud: "https://other.example.com" }))),
        "invalid_grant",
        "aud_mismatch",
      );
      await expectOAuthError(
        h.exchange(await h.sign(h.claims({ aud: `${SERVER}/` }))),
        "invalid_grant",
        "aud_mismatch",
      );
    });

    it("accepts the issuer identifier or the token endpoint", async () => {
      const h = await createHarness();
      await h.expectIssued(h.exchange(await h.sign(h.claims({ aud: SERVER }))));
      await h.expectIssued(h.exchange(await h.sign(h.claims({ aud: TOKEN_ENDPOINT }))));
    });

    it("accepts an array that contains this server", async () => {
      const h = await createHarness();
      await h.expectIssued(h.exchange(await h.sign(h.claims({ aud: ["https://rs.example.com", SERVER] }))));
      await expectOAuthError(
        h.exchange(await h.sign(h.claims({ aud: ["https://rs.example.com"] }))),
        "invalid_grant",
        "aud_mismatch",
      );
      await expectOAuthError(
        h.exchange(await h.sign(h.claims({ aud: [SERVER, 1] }))),
        "invalid_grant",
        "aud_invalid",
      );
    });
  });

  describe("jti", () => {
    it("is required by default", async () => {
      const h = await createHarness();
      await expectOAuthError(
        h.exchange(await h.sign(h.claims({ jti: undefined }))),
        "invalid_grant",
        "jti_missing",
      );
    });

    it("may be made optional", async () => {
      const h = await createHarness({ engine: { requireJti: false } });
      await h.expectIssued(h.exchange(await h.sign(h.claims({ jti: undefined }))));
    });

    it("must be a non-empty string", async () => {
      const h = await createHarness();
      await expectOAuthError(h.exchange(await h.sign(h.claims({ jti: "" }))), "invalid_grant", "jti_invalid");
      await expectOAuthError(h.exchange(await h.sign(h.claims({ jti: 5 }))), "invalid_grant", "jti_invalid");
    });

    it("must be text: no NUL, no unpaired surrogate", async () => {
      const h = await createHarness();
      for (const jti of ["j\u0000", "j-\udc00", "j-\ud800x"]) {
        await expectOAuthError(h.exchange(await h.sign(h.claims({ jti }))), "invalid_grant", "jti_invalid");
      }
      await h.expectIssued(h.exchange(await h.sign(h.claims({ jti: "j-\u{1F680}" }))));
    });
  });
});
