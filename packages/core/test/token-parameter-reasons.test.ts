import { describe, it } from "vitest";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness } from "./support/harness.js";

describe("revocation and introspection without a token", () => {
  it.each([undefined, ""])("are token_missing (token %j)", async (token) => {
    const h = await createHarness();
    await expectOAuthError(
      h.engine.revokeToken({ client: h.client, token }),
      "invalid_request",
      "token_missing",
    );
    await expectOAuthError(
      h.engine.introspectToken({ client: h.client, token }),
      "invalid_request",
      "token_missing",
    );
  });
});
