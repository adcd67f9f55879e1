import { describe, expect, it } from "vitest";
import { BOOTSTRAP_ADMIN } from "../src/domain/admin-actor.js";
import { JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT } from "../src/domain/client.js";
import { createMemoryStorage } from "../src/memory/memory-storage.js";
import { createFrozenClock } from "../src/testing/frozen-clock.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness } from "./support/harness.js";

describe("issuer and client policy (step 6)", () => {
  it("refuses a subject outside the issuer's list, accepts a listed one", async () => {
    const h = await createHarness({ issuer: { subjects: ["svc-a", "svc-b"] } });
    await h.expectIssued(h.exchange(await h.sign(h.claims({ sub: "svc-b" }))), { subject: "svc-b" });
    await expectOAuthError(
      h.exchange(await h.sign(h.claims({ sub: "svc-c" }))),
      "invalid_grant",
      "subject_not_allowed",
    );
  });

  it("refuses a requested scope outside the client's", async () => {
    const h = await createHarness();
    await expectOAuthError(h.exchange(await h.sign(), "read admin"), "invalid_scope", "scope_not_allowed");
  });

  it("refuses a requested scope outside the issuer's", async () => {
    const h = await createHarness({ issuer: { scope: "read" } });
    await expect(h.exchange(await h.sign(), "read")).resolves.toMatchObject({ scope: "read" });
    await expectOAuthError(h.exchange(await h.sign(), "write"), "invalid_scope", "scope_not_allowed");
  });

  it("grants what client and issuer both allow when no scope is requested", async () => {
    const h = await createHarness({ issuer: { scope: "write delete" } });
    const response = await h.exchange(await h.sign());
    expect(response.scope).toBe("write");
  });

  it("grants the client's whole scope when the issuer sets no limit", async () => {
    const h = await createHarness();
    expect((await h.exchange(await h.sign())).scope).toBe("read write");
  });

  it("refuses a malformed scope", async () => {
    const h = await createHarness();
    await expectOAuthError(h.exchange(await h.sign(), 'read "write"'), "invalid_scope", "scope_malformed");
  });

  it("refuses a client without the jwt-bearer grant before looking at the assertion", async () => {
    const h = await createHarness({ client: { grantTypes: [REFRESH_TOKEN_GRANT] } });
    await expectOAuthError(h.exchange("not even a jwt"), "unauthorized_client", "grant_not_allowed");
  });

  it("issues a refresh token only to clients with the refresh_token grant", async () => {
    const h = await createHarness({ client: { grantTypes: [JWT_BEARER_GRANT], scope: "read" } });
    const response = await h.exchange(await h.sign());
    expect(response.refreshToken).toBeUndefined();
  });
});

describe("replay (step 7)", () => {
  it("accepts an assertion once, then refuses it", async () => {
    const h = await createHarness();
    const assertion = await h.sign();
    await h.expectIssued(h.exchange(assertion));
    await expectOAuthError(h.exchange(assertion), "invalid_grant", "assertion_replayed");
  });

  it("accepts exactly one of concurrent uses", async () => {
    const h = await createHarness();
    const assertion = await h.sign();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => h.exchange(assertion)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("keeps one jti under two issuers apart", async () => {
    const h = await createHarness();
    const second = await h.engine.issuers.create(BOOTSTRAP_ADMIN, {
      issuer: "https://idp2.example.com",
      jwks: { keys: [h.key.publicJwk] },
    });
    const claims = h.claims({ jti: "shared" });
    await h.expectIssued(h.exchange(await h.sign(claims)));
    await h.expectIssued(h.exchange(await h.sign({ ...claims, iss: second.issuer })), {
      assertionIssuer: second.issuer,
    });
  });

  it("writes nothing when a later check fails: the jti stays usable", async () => {
    const h = await createHarness({ issuer: { subjects: ["svc-a"] } });
    const assertion = await h.sign();
    await expectOAuthError(h.exchange(assertion, "admin"), "invalid_scope");
    await h.expectIssued(h.exchange(assertion));
  });

  it("keeps the jti until exp plus the skew", async () => {
    const storage = createMemoryStorage({ clock: createFrozenClock() });
    const kept: Date[] = [];
    const replayGuard = {
      ...storage.replayGuard,
      claim: (issuer: string, jti: string, expiresAt: Date) => {
        kept.push(expiresAt);
        return storage.replayGuard.claim(issuer, jti, expiresAt);
      },
    };
    const h = await createHarness({ deps: { storage: { ...storage, replayGuard } } });
    const claims = h.claims();
    await h.exchange(await h.sign(claims));
    expect(kept).toEqual([new Date((Number(claims.exp) + 60) * 1000)]);
  });
});
