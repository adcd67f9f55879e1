import { describe, expect, it } from "vitest";
import { JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT, TOKEN_EXCHANGE_GRANT } from "../src/domain/client.js";
import { tokenParameters } from "../src/grants/token-request.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness } from "./support/harness.js";

describe("the token endpoint's grant table", () => {
  it("serves and advertises the jwt-bearer, refresh_token and token-exchange grants", async () => {
    const h = await createHarness();
    expect(h.engine.grantTypes).toEqual([JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT, TOKEN_EXCHANGE_GRANT]);
  });

  it("dispatches on grant_type to each grant with the parameters it reads", async () => {
    const h = await createHarness();
    const granted = await h.expectIssued(
      h.engine.exchangeToken({
        client: h.client,
        parameters: tokenParameters([
          ["grant_type", JWT_BEARER_GRANT],
          ["assertion", await h.sign()],
          ["scope", "read"],
        ]),
      }),
      { scope: "read" },
    );
    await h.expectIssued(
      h.engine.exchangeToken({
        client: h.client,
        parameters: tokenParameters([
          ["grant_type", REFRESH_TOKEN_GRANT],
          ["refresh_token", granted.refreshToken ?? ""],
        ]),
      }),
      { scope: "read" },
    );
  });

  it("refuses a request without grant_type, and names the supported ones for another", async () => {
    const h = await createHarness();
    await expectOAuthError(
      h.engine.exchangeToken({
        client: h.client,
        parameters: tokenParameters([["assertion", await h.sign()]]),
      }),
      "invalid_request",
      "grant_type_missing",
    );
    for (const grantType of ["password", "toString", "__proto__"]) {
      const error = await expectOAuthError(
        h.engine.exchangeToken({
          client: h.client,
          parameters: tokenParameters([["grant_type", grantType]]),
        }),
        "unsupported_grant_type",
        "grant_type_unsupported",
      );
      expect(error.description).toBe(
        `the grant type is not supported; this server supports ${JWT_BEARER_GRANT}, refresh_token, ${TOKEN_EXCHANGE_GRANT}`,
      );
    }
  });
});
