import { describe, expect, it } from "vitest";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness } from "./support/harness.js";

describe("an assertion's scope claim", () => {
  it("is a ceiling: nothing requested grants what the client, issuer and claim all allow", async () => {
    const h = await createHarness();
    await h.expectIssued(h.exchange(await h.sign(h.claims({ scope: "write admin" }))), { scope: "write" });
    await h.expectIssued(h.exchange(await h.sign(h.claims({ scope: "" }))), { scope: undefined });
    await h.expectIssued(h.exchange(await h.sign(h.claims())), { scope: "read write" });
  });

  it("never grants more than it names, whatever is requested", async () => {
    const h = await createHarness();
    await h.expectIssued(h.exchange(await h.sign(h.claims({ scope: "read write" })), "read"), {
      scope: "read",
    });
    const error = await expectOAuthError(
      h.exchange(await h.sign(h.claims({ scope: "read" })), "write"),
      "invalid_scope",
      "scope_not_allowed",
    );
    expect(error.description).toBe(
      "the requested scope exceeds what the client, the issuer, its trust rule and the assertion allow",
    );
  });

  it("refuses a claim that is not a string of scope tokens", async () => {
    const h = await createHarness();
    for (const scope of [["read"], 7, "read\u0001"]) {
      await expectOAuthError(
        h.exchange(await h.sign(h.claims({ scope }))),
        "invalid_grant",
        "scope_claim_invalid",
      );
    }
  });
});
