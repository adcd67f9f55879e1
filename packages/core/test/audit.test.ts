import { describe, expect, it } from "vitest";
import { JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT } from "../src/domain/client.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness, IDP } from "./support/harness.js";

describe("grant audit trail", () => {
  it("records a granted exchange with its parties", async () => {
    const h = await createHarness();
    const claims = h.claims();
    await h.exchange(await h.sign(claims));
    expect(await h.storage.auditLog.recent(5)).toEqual([
      {
        at: h.clock.now(),
        grantType: JWT_BEARER_GRANT,
        clientId: h.client.clientId,
        issuer: IDP,
        subject: "svc-a",
        jti: claims.jti,
        actor: null,
        outcome: "granted",
        rule: null,
        reason: null,
      },
    ]);
  });

  it("records a refusal with its reason code, and never the assertion itself", async () => {
    const h = await createHarness();
    const assertion = await h.sign(h.claims({ aud: "https://elsewhere.example" }));
    await expectOAuthError(h.exchange(assertion), "invalid_grant");
    const [refusal] = await h.storage.auditLog.recent(1);
    expect(refusal).toMatchObject({
      outcome: "refused",
      reason: "aud_mismatch",
      issuer: IDP,
      subject: "svc-a",
    });
    expect(JSON.stringify(refusal)).not.toContain(assertion.split(".")[2]);
  });

  it("records refusals of unreadable assertions without parties", async () => {
    const h = await createHarness();
    await expectOAuthError(h.exchange("x.y"), "invalid_grant");
    expect((await h.storage.auditLog.recent(1))[0]).toMatchObject({
      issuer: null,
      subject: null,
      jti: null,
      reason: "assertion_malformed",
    });
  });

  it("records the unverified parties of a refusal as storable text, cut short", async () => {
    const h = await createHarness();
    const longSubject = `${"s".repeat(255)}\u{1F680}`;
    const assertion = await h.sign(
      h.claims({ sub: longSubject, jti: "a\u0000b", aud: "https://elsewhere.example" }),
    );
    await expectOAuthError(h.exchange(assertion), "invalid_grant");
    expect((await h.storage.auditLog.recent(1))[0]).toMatchObject({
      subject: `${"s".repeat(255)}\ufffd`,
      jti: "a\ufffdb",
      reason: "aud_mismatch",
    });
  });

  it("records refresh grants and the reuse of a spent refresh token", async () => {
    const h = await createHarness();
    const { refreshToken } = await h.exchange(await h.sign());
    await h.engine.exchangeRefreshToken({ client: h.client, refreshToken, scope: undefined });
    await expectOAuthError(
      h.engine.exchangeRefreshToken({ client: h.client, refreshToken, scope: undefined }),
      "invalid_grant",
    );
    const [reuse, rotation] = await h.storage.auditLog.recent(2);
    expect(rotation).toMatchObject({
      grantType: REFRESH_TOKEN_GRANT,
      outcome: "granted",
      subject: "svc-a",
      issuer: IDP,
    });
    expect(reuse).toMatchObject({
      grantType: REFRESH_TOKEN_GRANT,
      outcome: "refused",
      reason: "refresh_token_reused",
    });
    expect(JSON.stringify([reuse, rotation])).not.toContain(refreshToken ?? "none");
  });

  it("records a refresh refused before its token is found without parties, and one found after with them", async () => {
    const h = await createHarness();
    await expectOAuthError(
      h.engine.exchangeRefreshToken({ client: h.client, refreshToken: "rt_unknown", scope: undefined }),
      "invalid_grant",
      "refresh_token_unknown",
    );
    const { refreshToken } = await h.exchange(await h.sign());
    await expectOAuthError(
      h.engine.exchangeRefreshToken({ client: h.client, refreshToken, scope: "admin" }),
      "invalid_scope",
      "scope_not_allowed",
    );
    const [narrowed, , unknown] = await h.storage.auditLog.recent(3);
    expect(unknown).toMatchObject({
      issuer: null,
      subject: null,
      jti: null,
      reason: "refresh_token_unknown",
    });
    expect(narrowed).toMatchObject({ issuer: IDP, subject: "svc-a", jti: null, reason: "scope_not_allowed" });
  });

  it("records the verified subject of a grant whole, where a refusal's unverified one is cut short", async () => {
    const h = await createHarness();
    const subject = "s".repeat(1000);
    await h.exchange(await h.sign(h.claims({ sub: subject })));
    expect((await h.storage.auditLog.recent(1))[0]).toMatchObject({ outcome: "granted", subject });
  });
});
