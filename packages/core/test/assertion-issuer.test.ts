import { describe, expect, it } from "vitest";
import { BOOTSTRAP_ADMIN } from "../src/domain/admin-actor.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness, IDP } from "./support/harness.js";

describe("trusted issuer lookup (step 2)", () => {
  it("accepts an assertion from a registered, enabled issuer", async () => {
    const h = await createHarness();
    await h.expectIssued(h.exchange(await h.sign()));
  });

  it("refuses an unknown issuer", async () => {
    const h = await createHarness();
    const error = await expectOAuthError(
      h.exchange(await h.sign(h.claims({ iss: "https://evil.example" }))),
      "invalid_grant",
      "issuer_unknown",
    );
    expect(error.description).toBe("the assertion's issuer is not trusted");
  });

  it("refuses a missing or non-string iss", async () => {
    const h = await createHarness();
    await expectOAuthError(
      h.exchange(await h.sign(h.claims({ iss: undefined }))),
      "invalid_grant",
      "iss_invalid",
    );
    await expectOAuthError(h.exchange(await h.sign(h.claims({ iss: 42 }))), "invalid_grant", "iss_invalid");
  });

  it("refuses an iss that is not text before looking it up", async () => {
    const h = await createHarness();
    for (const iss of [`${IDP}\u0000`, `${IDP}\ud800`]) {
      await expectOAuthError(h.exchange(await h.sign(h.claims({ iss }))), "invalid_grant", "iss_invalid");
    }
  });

  it("refuses a disabled issuer", async () => {
    const h = await createHarness({ issuer: { enabled: false } });
    await expectOAuthError(h.exchange(await h.sign()), "invalid_grant", "issuer_disabled");
  });

  it("refuses an issuer whose trust has expired, and accepts it just before", async () => {
    const h = await createHarness();
    await h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, {
      expiresAt: new Date(h.clock.now().getTime() + 10_000),
    });
    await h.expectIssued(h.exchange(await h.sign()));
    h.clock.advance(10);
    await expectOAuthError(h.exchange(await h.sign()), "invalid_grant", "issuer_expired");
  });

  it("matches iss exactly", async () => {
    const h = await createHarness();
    await expectOAuthError(
      h.exchange(await h.sign(h.claims({ iss: `${IDP}/` }))),
      "invalid_grant",
      "issuer_unknown",
    );
  });
});
