import { describe, expect, it } from "vitest";
import { BOOTSTRAP_ADMIN } from "../src/domain/admin-actor.js";
import { JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT } from "../src/domain/client.js";
import { OAuthError } from "../src/errors/oauth-error.js";
import { tokenParameters } from "../src/grants/token-request.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness, type Harness, IDP, SERVER } from "./support/harness.js";

const API = "https://api.example.com/";
const LEDGER = "urn:example:ledger";
const REPORTS = "https://reports.example.com/v1";

const createResourceHarness = () =>
  createHarness({
    client: { grantTypes: [JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT], resources: [API, LEDGER, REPORTS] },
  });

/** A jwt-bearer request through the token endpoint's table, its parameters as the wire sends them. */
const tokenRequest = async (h: Harness, pairs: [string, string][]) =>
  h.engine.exchangeToken({
    client: h.client,
    parameters: tokenParameters([["grant_type", JWT_BEARER_GRANT], ["assertion", await h.sign()], ...pairs]),
  });

const refresh = (h: Harness, refreshToken: string, resource: string[] = []) =>
  h.engine.exchangeToken({
    client: h.client,
    parameters: tokenParameters([
      ["grant_type", REFRESH_TOKEN_GRANT],
      ["refresh_token", refreshToken],
      ...resource.map((value): [string, string] => ["resource", value]),
    ]),
  });

describe("resource indicators (RFC 8707)", () => {
  it("makes one requested resource the access token's aud, as a string, and reports it", async () => {
    const h = await createResourceHarness();
    await h.expectIssued(tokenRequest(h, [["resource", API]]), { audience: API, resource: API });
  });

  it("takes the resource parameter repeated, and makes the aud an array of them in order", async () => {
    const h = await createResourceHarness();
    await h.expectIssued(
      tokenRequest(h, [
        ["resource", LEDGER],
        ["resource", API],
        ["resource", LEDGER],
      ]),
      { audience: [LEDGER, API], resource: [LEDGER, API] },
    );
  });

  it("keeps the server as aud when no resource is requested", async () => {
    const h = await createResourceHarness();
    await h.expectIssued(tokenRequest(h, []), { audience: SERVER });
  });

  it("refuses any other repeated parameter", async () => {
    const h = await createResourceHarness();
    await expectOAuthError(
      tokenRequest(h, [
        ["scope", "read"],
        ["scope", "write"],
      ]),
      "invalid_request",
      "repeated_parameter",
    );
    expect(() =>
      tokenParameters([
        ["grant_type", JWT_BEARER_GRANT],
        ["grant_type", REFRESH_TOKEN_GRANT],
      ]),
    ).toThrow(OAuthError);
  });

  it("is invalid_target for a relative URI, a URI with a fragment, and one the client may not request", async () => {
    const h = await createResourceHarness();
    for (const [resource, reason] of [
      ["/v1/reports", "resource_invalid"],
      ["api.example.com", "resource_invalid"],
      ["https://api.example.com/#section", "resource_invalid"],
      ["https://api.example.com/ space", "resource_invalid"],
      ["https://elsewhere.example.com/", "resource_not_allowed"],
      ["https://api.example.com", "resource_not_allowed"],
    ] as const) {
      const error = await expectOAuthError(
        tokenRequest(h, [["resource", resource]]),
        "invalid_target",
        reason,
      );
      expect(error.description).not.toContain(resource);
    }
    expect(await h.storage.auditLog.recent(1)).toMatchObject([
      { outcome: "refused", reason: "resource_not_allowed" },
    ]);
  });

  it("lets a client without resources request none", async () => {
    const h = await createHarness();
    await expectOAuthError(tokenRequest(h, [["resource", API]]), "invalid_target", "resource_not_allowed");
  });

  it("narrows the resources at a refresh, keeps them without the parameter, and never widens them", async () => {
    const h = await createResourceHarness();
    const granted = await tokenRequest(h, [
      ["resource", API],
      ["resource", LEDGER],
    ]);
    const first = granted.refreshToken as string;
    const { refreshToken: kept } = await h.expectIssued(refresh(h, first), {
      audience: [API, LEDGER],
      resource: [API, LEDGER],
    });
    const { refreshToken: narrowed } = await h.expectIssued(refresh(h, kept as string, [LEDGER]), {
      audience: LEDGER,
      resource: LEDGER,
    });
    // The successor stays bound to the original grant: a narrowed refresh does not shrink the family.
    const { refreshToken: again } = await h.expectIssued(refresh(h, narrowed as string, [API]), {
      audience: API,
      resource: API,
    });
    await expectOAuthError(refresh(h, again as string, [REPORTS]), "invalid_target", "resource_not_granted");
  });

  it("refuses a refresh asking for a resource of a grant that had none", async () => {
    const h = await createResourceHarness();
    const { refreshToken } = await tokenRequest(h, []);
    await expectOAuthError(
      refresh(h, refreshToken as string, [API]),
      "invalid_target",
      "resource_not_granted",
    );
  });

  it("refuses to carry over a resource the client may no longer request", async () => {
    const h = await createResourceHarness();
    const { refreshToken } = await tokenRequest(h, [
      ["resource", API],
      ["resource", LEDGER],
    ]);
    await h.engine.clients.update(BOOTSTRAP_ADMIN, h.client.clientId, { resources: [LEDGER] });
    h.client = await h.engine.clients.get(h.client.clientId);
    await expectOAuthError(refresh(h, refreshToken as string), "invalid_target", "resource_not_allowed");
    await h.expectIssued(refresh(h, refreshToken as string, [LEDGER]), {
      audience: LEDGER,
      resource: LEDGER,
    });
  });

  it("reports the aud at introspection", async () => {
    const h = await createResourceHarness();
    const { accessToken } = await tokenRequest(h, [
      ["resource", API],
      ["resource", REPORTS],
    ]);
    expect(await h.engine.introspectToken({ client: h.client, token: accessToken })).toMatchObject({
      active: true,
      aud: [API, REPORTS],
      assertionIssuer: IDP,
    });
  });
});
