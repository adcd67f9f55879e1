import { describe, expect, it } from "vitest";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness } from "./support/harness.js";

describe("checkJwtBearer (dry run)", () => {
  it("passes a valid assertion with the scope it would grant, and leaves its jti unspent", async () => {
    const h = await createHarness({ issuer: { scope: "read" } });
    const assertion = await h.sign();
    const checked = await h.engine.checkJwtBearer({ client: h.client, assertion, scope: undefined });
    expect(checked.scope).toEqual(["read"]);
    expect(checked.assertion.subject).toBe("svc-a");
    await expect(h.exchange(assertion)).resolves.toMatchObject({ scope: "read" });
  });

  it("names the rule that refuses, as the token endpoint would", async () => {
    const h = await createHarness({ issuer: { subjects: ["someone-else"] } });
    await expectOAuthError(
      h.engine.checkJwtBearer({ client: h.client, assertion: await h.sign(), scope: undefined }),
      "invalid_grant",
      "subject_not_allowed",
    );
    await expectOAuthError(
      h.engine.checkJwtBearer({
        client: h.client,
        assertion: await h.sign(h.claims({ aud: "x" })),
        scope: undefined,
      }),
      "invalid_grant",
      "aud_mismatch",
    );
  });
});
