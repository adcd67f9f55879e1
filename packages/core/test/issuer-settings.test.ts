import { describe, expect, it } from "vitest";
import { BOOTSTRAP_ADMIN } from "../src/domain/admin-actor.js";
import type { TrustRule } from "../src/domain/trust-rule.js";
import { sha256 } from "../src/util/sha256.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness, IDP, SERVER } from "./support/harness.js";

const STS = "https://api.example.com/sts";

describe("an issuer's audiences", () => {
  it("accepts an aud the issuer lists besides this server's, for that issuer only", async () => {
    const h = await createHarness({ issuer: { audiences: [STS, "urn:example:sts"] } });
    await h.expectIssued(h.exchange(await h.sign(h.claims({ aud: STS }))));
    await h.expectIssued(h.exchange(await h.sign(h.claims({ aud: ["urn:other", "urn:example:sts"] }))));
    await h.expectIssued(h.exchange(await h.sign(h.claims({ aud: SERVER }))));
    await expectOAuthError(
      h.exchange(await h.sign(h.claims({ aud: "urn:other" }))),
      "invalid_grant",
      "aud_mismatch",
    );

    const plain = await createHarness();
    await expectOAuthError(
      plain.exchange(await plain.sign(plain.claims({ aud: STS }))),
      "invalid_grant",
      "aud_mismatch",
    );
  });

  it("clears them with null or an empty list, and refuses bad entries naming their index", async () => {
    const h = await createHarness({ issuer: { audiences: [STS] } });
    expect(
      (await h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, { audiences: null })).audiences,
    ).toEqual([]);
    await expectOAuthError(
      h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, { audiences: [STS, " padded"] }),
      "invalid_request",
    );
    const error = await expectOAuthError(
      h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, { audiences: [STS, ""] }),
      "invalid_request",
      "invalid_field",
    );
    expect(error.field).toEqual(["audiences", 1]);
    expect((await h.engine.issuers.get(h.issuer.id)).audiences).toEqual([]);
  });
});

describe("assertion_reuse", () => {
  it("refuses a second exchange of one assertion under the default", async () => {
    const h = await createHarness();
    expect(h.issuer.assertionReuse).toBe("single_use");
    const assertion = await h.sign();
    await h.expectIssued(h.exchange(assertion));
    await expectOAuthError(h.exchange(assertion), "invalid_grant", "assertion_replayed");
  });

  it("exchanges one assertion again and again when allowed, and accepts one without jti", async () => {
    const h = await createHarness({ issuer: { assertionReuse: "allowed" } });
    const assertion = await h.sign();
    for (let i = 0; i < 3; i++) await h.expectIssued(h.exchange(assertion));
    const { jti: _jti, ...withoutJti } = h.claims();
    await h.expectIssued(h.exchange(await h.sign(withoutJti)));
  });

  it("still refuses an expired or too long-lived reused assertion", async () => {
    const h = await createHarness({ issuer: { assertionReuse: "allowed" } });
    const now = h.clock.nowSeconds();
    await expectOAuthError(
      h.exchange(await h.sign(h.claims({ iat: now - 600, exp: now - 120 }))),
      "invalid_grant",
      "exp_passed",
    );
    await expectOAuthError(
      h.exchange(await h.sign(h.claims({ iat: now, exp: now + 7200 }))),
      "invalid_grant",
      "lifetime_too_long",
    );
  });

  it("refuses a value other than single_use and allowed", async () => {
    const h = await createHarness();
    const error = await expectOAuthError(
      h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, { assertionReuse: "sometimes" }),
      "invalid_request",
      "invalid_field",
    );
    expect(error.field).toEqual(["assertion_reuse"]);
  });
});

describe("max_assertion_lifetime", () => {
  it("overrides the server's limit for that issuer only", async () => {
    const h = await createHarness({ issuer: { maxAssertionLifetime: 7200 } });
    const now = h.clock.nowSeconds();
    await h.expectIssued(h.exchange(await h.sign(h.claims({ iat: now, exp: now + 7200 }))));
    await expectOAuthError(
      h.exchange(await h.sign(h.claims({ iat: now, exp: now + 7201 }))),
      "invalid_grant",
      "lifetime_too_long",
    );
    const strict = await createHarness({ issuer: { maxAssertionLifetime: 60 } });
    await expectOAuthError(
      strict.exchange(await strict.sign(strict.claims({ iat: now, exp: now + 120 }))),
      "invalid_grant",
      "lifetime_too_long",
    );
    const server = await createHarness();
    await expectOAuthError(
      server.exchange(await server.sign(server.claims({ iat: now, exp: now + 7200 }))),
      "invalid_grant",
      "lifetime_too_long",
    );
  });

  it("lets a reused token that long-lived be presented until it expires, however old its iat", async () => {
    const h = await createHarness({ issuer: { maxAssertionLifetime: 86_400, assertionReuse: "allowed" } });
    const now = h.clock.nowSeconds();
    const token = await h.sign(h.claims({ iat: now - 20 * 3600, exp: now + 4 * 3600 }));
    await h.expectIssued(h.exchange(token));
    const server = await createHarness({ issuer: { assertionReuse: "allowed" } });
    await expectOAuthError(
      server.exchange(await server.sign(server.claims({ iat: now - 5400, exp: now + 600 }))),
      "invalid_grant",
    );
  });

  it("is a whole number of seconds up to a day, and null returns to the server's", async () => {
    const h = await createHarness({ issuer: { maxAssertionLifetime: 600 } });
    for (const bad of [0, 1.5, 86_401]) {
      const error = await expectOAuthError(
        h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, { maxAssertionLifetime: bad }),
        "invalid_request",
      );
      expect(error.field).toEqual(["max_assertion_lifetime"]);
    }
    expect(
      (await h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, { maxAssertionLifetime: null }))
        .maxAssertionLifetimeSeconds,
    ).toBe(null);
  });
});

describe("a client's trusted_issuers", () => {
  it("lets the client present assertions from the listed issuers only", async () => {
    const h = await createHarness({ client: { trustedIssuers: ["https://other.example.com"] } });
    await expectOAuthError(h.exchange(await h.sign()), "invalid_grant", "issuer_not_allowed_for_client");
    const client = await h.engine.clients.update(BOOTSTRAP_ADMIN, h.client.clientId, {
      trustedIssuers: ["https://other.example.com", IDP],
    });
    await h.expectIssued(h.engine.exchangeJwtBearer({ client, assertion: await h.sign(), scope: undefined }));
  });

  it("is checked again at refresh", async () => {
    const h = await createHarness();
    const { refreshToken } = await h.exchange(await h.sign());
    const client = await h.engine.clients.update(BOOTSTRAP_ADMIN, h.client.clientId, {
      trustedIssuers: ["https://other.example.com"],
    });
    await expectOAuthError(
      h.engine.exchangeRefreshToken({ client, refreshToken, scope: undefined }),
      "invalid_grant",
      "issuer_not_allowed_for_client",
    );
  });

  it("refuses an empty list and clears with null", async () => {
    const h = await createHarness({ client: { trustedIssuers: [IDP] } });
    const error = await expectOAuthError(
      h.engine.clients.update(BOOTSTRAP_ADMIN, h.client.clientId, { trustedIssuers: [] }),
      "invalid_request",
    );
    expect(error.field).toEqual(["trusted_issuers"]);
    expect(
      (await h.engine.clients.update(BOOTSTRAP_ADMIN, h.client.clientId, { trustedIssuers: null }))
        .trustedIssuers,
    ).toBe(null);
  });
});

const rule = (overrides: Partial<TrustRule> = {}): TrustRule => ({
  name: "deploy",
  conditions: [{ claim: "sub", operator: "eq", value: "svc-a", ignoreCase: false }],
  scope: null,
  subject: null,
  claims: [],
  accessTokenTtl: null,
  refreshTokens: true,
  ...overrides,
});

describe("a refresh under trust rules", () => {
  it("ends a family granted without rules once the issuer has rules", async () => {
    const h = await createHarness();
    const { refreshToken } = await h.exchange(await h.sign());
    await h.storage.trustedIssuers.update({ ...h.issuer, rules: [rule()] });
    await expectOAuthError(
      h.engine.exchangeRefreshToken({ client: h.client, refreshToken, scope: undefined }),
      "invalid_grant",
      "refresh_rule_gone",
    );
  });

  it("needs the rule that granted the family, still allowing refresh, and applies its scope and TTL", async () => {
    const h = await createHarness();
    const token = "rt_family-of-the-deploy-rule";
    await h.storage.refreshTokens.insert({
      tokenHash: await sha256(token),
      familyId: "family-1",
      clientId: h.client.clientId,
      subject: "svc-a",
      issuer: IDP,
      rule: "deploy",
      tokenSubject: "gh:42:refs/heads/main",
      claims: { repository: "octo-org/octo-repo" },
      resources: [],
      scope: ["read", "write"],
      issuedAt: h.clock.now(),
      expiresAt: new Date(h.clock.now().getTime() + 3_600_000),
      state: "active",
    });
    const refresh = (refreshToken: string) =>
      h.engine.exchangeRefreshToken({ client: h.client, refreshToken, scope: undefined });

    await h.storage.trustedIssuers.update({ ...h.issuer, rules: [rule({ name: "renamed" })] });
    await expectOAuthError(refresh(token), "invalid_grant", "refresh_rule_gone");
    await h.storage.trustedIssuers.update({ ...h.issuer, rules: [rule({ refreshTokens: false })] });
    await expectOAuthError(refresh(token), "invalid_grant", "refresh_rule_forbids");

    await h.storage.trustedIssuers.update({
      ...h.issuer,
      rules: [rule({ name: "other" }), rule({ scope: ["read"], accessTokenTtl: 120 })],
    });
    const refreshed = await h.expectIssued(refresh(token), {
      subject: "gh:42:refs/heads/main",
      scope: "read",
      expiresInSeconds: 120,
      claims: { repository: "octo-org/octo-repo" },
    });
    const [granted] = await h.storage.auditLog.recent(1);
    expect(granted).toMatchObject({ outcome: "granted", rule: "deploy", subject: "svc-a" });
    // The successor carries the rule, the token subject and the mapped claims on.
    await h.expectIssued(refresh(refreshed.refreshToken ?? ""), {
      subject: "gh:42:refs/heads/main",
      scope: "read",
      expiresInSeconds: 120,
      claims: { repository: "octo-org/octo-repo" },
    });
  });
});
