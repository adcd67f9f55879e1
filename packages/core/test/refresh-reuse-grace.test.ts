import { describe, expect, it } from "vitest";
import { BOOTSTRAP_ADMIN } from "../src/domain/admin-actor.js";
import type { TokenResponse } from "../src/domain/token-response.js";
import { createEngine } from "../src/engine/create-engine.js";
import { createMemoryStorage } from "../src/memory/memory-storage.js";
import type { Storage } from "../src/ports/storage.js";
import { sealSuccessor } from "../src/tokens/sealed-successor.js";
import { sha256 } from "../src/util/sha256.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness, type Harness, type HarnessOptions, SERVER } from "./support/harness.js";

const GRACE = 5;

async function grantedRefreshToken(h: Harness): Promise<string> {
  const { refreshToken } = await h.exchange(await h.sign());
  if (refreshToken === undefined) throw new Error("no refresh token issued");
  return refreshToken;
}

const refresh = (h: Harness, refreshToken: string | undefined) =>
  h.engine.exchangeRefreshToken({ client: h.client, refreshToken, scope: undefined });

const withGrace = (seconds: number, options: HarnessOptions = {}) =>
  createHarness({ ...options, engine: { refreshTokenReuseGraceSeconds: seconds } });

const accessTokenIsActive = async (h: Harness, token: string) =>
  (await h.engine.introspectToken({ client: h.client, token })).active;

describe("refresh token reuse grace", () => {
  it("answers a retry within the grace with the same successor and a new access token; the family lives on", async () => {
    const h = await withGrace(GRACE);
    const spent = await grantedRefreshToken(h);
    const first = await refresh(h, spent);
    h.clock.advance(GRACE);

    const retry = await refresh(h, spent);

    expect(retry.refreshToken).toBe(first.refreshToken);
    expect(retry.accessToken).not.toBe(first.accessToken);
    expect(retry.scope).toBe("read write");
    expect(await accessTokenIsActive(h, retry.accessToken)).toBe(true);
    const next = await refresh(h, retry.refreshToken);
    expect(next.refreshToken).not.toBe(retry.refreshToken);
    await h.expectIssued(refresh(h, next.refreshToken));
  });

  it("revokes the family on a reuse one second after the grace; the successor stops working", async () => {
    const h = await withGrace(GRACE);
    const spent = await grantedRefreshToken(h);
    const first = await refresh(h, spent);
    h.clock.advance(GRACE + 1);

    await expectOAuthError(refresh(h, spent), "invalid_grant", "refresh_token_reused");
    await expectOAuthError(refresh(h, first.refreshToken), "invalid_grant", "refresh_token_revoked");
  });

  it("by default (grace 0) revokes the family on any reuse, at once, and keeps no sealed successor", async () => {
    const h = await createHarness();
    const spent = await grantedRefreshToken(h);
    const first = await refresh(h, spent);
    const stored = await h.storage.refreshTokens.findByHash(await sha256(spent));
    expect(stored?.rotation).toStrictEqual({
      rotatedAt: h.clock.now(),
      successorHash: await sha256(first.refreshToken ?? ""),
      sealedSuccessor: null,
    });

    await expectOAuthError(refresh(h, spent), "invalid_grant", "refresh_token_reused");
    await expectOAuthError(refresh(h, first.refreshToken), "invalid_grant", "refresh_token_revoked");
  });

  it("stores the successor only sealed, not in clear", async () => {
    const h = await withGrace(GRACE);
    const spent = await grantedRefreshToken(h);
    const first = await refresh(h, spent);
    const sealed = (await h.storage.refreshTokens.findByHash(await sha256(spent)))?.rotation?.sealedSuccessor;
    expect(typeof sealed).toBe("string");
    expect(sealed).not.toContain(first.refreshToken);
  });

  it("revokes the family when the retry comes after the successor was itself used", async () => {
    const h = await withGrace(GRACE);
    const spent = await grantedRefreshToken(h);
    const first = await refresh(h, spent);
    const second = await refresh(h, first.refreshToken);

    await expectOAuthError(refresh(h, spent), "invalid_grant", "refresh_token_reused");
    await expectOAuthError(refresh(h, second.refreshToken), "invalid_grant", "refresh_token_revoked");
  });

  it("revokes the family when the retry comes after the successor expired", async () => {
    const h = await withGrace(10, { client: { refreshTokenTtl: 3 } });
    const spent = await grantedRefreshToken(h);
    h.clock.advance(2);
    const first = await refresh(h, spent);
    h.clock.advance(4);

    await expectOAuthError(refresh(h, spent), "invalid_grant", "refresh_token_reused");
    await expectOAuthError(refresh(h, first.refreshToken), "invalid_grant", "refresh_token_revoked");
  });

  it("answers a retry within the grace even when the spent token itself has expired since", async () => {
    const h = await withGrace(10, { client: { refreshTokenTtl: 3 } });
    const spent = await grantedRefreshToken(h);
    h.clock.advance(2);
    const first = await refresh(h, spent);
    h.clock.advance(2);

    await expect(refresh(h, spent)).resolves.toMatchObject({ refreshToken: first.refreshToken });
  });

  it("refuses a retry once the family was revoked", async () => {
    const h = await withGrace(GRACE);
    const spent = await grantedRefreshToken(h);
    const first = await refresh(h, spent);
    await h.engine.revokeToken({ client: h.client, token: first.refreshToken });

    await expectOAuthError(refresh(h, spent), "invalid_grant", "refresh_token_revoked");
  });

  it("checks the issuer's trust again on a retry", async () => {
    const h = await withGrace(GRACE);
    const spent = await grantedRefreshToken(h);
    const first = await refresh(h, spent);
    await h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, { enabled: false });

    await expectOAuthError(refresh(h, spent), "invalid_grant", "issuer_not_trusted");
    await h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, { enabled: true });
    await h.expectIssued(refresh(h, first.refreshToken));
  });

  it("gives every one of 10 concurrent refreshes of one token the same successor", async () => {
    const h = await withGrace(GRACE);
    const spent = await grantedRefreshToken(h);

    const responses = await Promise.all(Array.from({ length: 10 }, () => refresh(h, spent)));

    expect(new Set(responses.map((response) => response.refreshToken)).size).toBe(1);
    expect(new Set(responses.map((response) => response.accessToken)).size).toBe(10);
    await h.expectIssued(refresh(h, responses[0]?.refreshToken));
  });

  type Rival = (h: Harness, spent: string, storage: Storage) => Promise<TokenResponse>;

  /** A harness whose next rotation is preceded by a whole rival refresh of the granted token, which wins. */
  async function racedHarness(grace: number, rival: Rival = (h, spent) => refresh(h, spent)) {
    let pending: (() => Promise<TokenResponse>) | null = null;
    let rivalResponse: TokenResponse | undefined;
    const inner = createMemoryStorage();
    const storage: Storage = {
      ...inner,
      refreshTokens: {
        ...inner.refreshTokens,
        async rotate(...args) {
          const run = pending;
          pending = null;
          if (run !== null) rivalResponse = await run();
          return inner.refreshTokens.rotate(...args);
        },
      },
    };
    const h = await withGrace(grace, { deps: { storage } });
    const spent = await grantedRefreshToken(h);
    pending = () => rival(h, spent, inner);
    return { h, spent, rivalResponse: () => rivalResponse };
  }

  it("answers the loser of a race for one token with the winner's successor", async () => {
    const { h, spent, rivalResponse } = await racedHarness(GRACE);

    const loser = await refresh(h, spent);

    expect(rivalResponse()?.refreshToken).toMatch(/^jgrt_/);
    expect(loser.refreshToken).toBe(rivalResponse()?.refreshToken);
    expect(loser.accessToken).not.toBe(rivalResponse()?.accessToken);
    await h.expectIssued(refresh(h, loser.refreshToken));
  });

  it("without a grace, revokes the family when a race for one token is lost", async () => {
    const { h, spent, rivalResponse } = await racedHarness(0);

    await expectOAuthError(refresh(h, spent), "invalid_grant", "refresh_token_reused");
    await expectOAuthError(
      refresh(h, rivalResponse()?.refreshToken),
      "invalid_grant",
      "refresh_token_revoked",
    );
  });

  it("refuses to repeat a successor that outlived a revocation of its family racing the rotation", async () => {
    const { h, spent, rivalResponse } = await racedHarness(GRACE, async (rh, token, inner) => {
      const won = await refresh(rh, token);
      const successor = await inner.refreshTokens.findByHash(await sha256(won.refreshToken ?? ""));
      if (successor === null) throw new Error("no successor stored");
      // The revocation's statement did not see the successor's row yet: the spent token is revoked, the
      // successor is not.
      await inner.refreshTokens.revokeFamily(successor.familyId);
      await inner.refreshTokens.insert({ ...successor, state: "active" });
      return won;
    });

    await expectOAuthError(refresh(h, spent), "invalid_grant", "refresh_token_reused");
    await expectOAuthError(
      refresh(h, rivalResponse()?.refreshToken),
      "invalid_grant",
      "refresh_token_revoked",
    );
  });

  it("hands out only the successor whose state it checked, whatever the seal holds", async () => {
    let spent = "";
    const inner = createMemoryStorage();
    const storage: Storage = {
      ...inner,
      refreshTokens: {
        ...inner.refreshTokens,
        rotate: async (tokenHash, successor, now, sealed) =>
          inner.refreshTokens.rotate(
            tokenHash,
            successor,
            now,
            sealed === null ? null : await sealSuccessor(spent, "jgrt_not-the-successor"),
          ),
      },
    };
    const h = await withGrace(GRACE, { deps: { storage } });
    spent = await grantedRefreshToken(h);
    await refresh(h, spent);

    await expectOAuthError(refresh(h, spent), "invalid_grant", "refresh_token_reused");
  });

  it("repeats nothing on an instance whose grace is 0, even a token rotated under a grace", async () => {
    const h = await withGrace(GRACE);
    const spent = await grantedRefreshToken(h);
    const first = await refresh(h, spent);
    const strict = createEngine({ storage: h.storage, clock: h.clock }, { issuer: SERVER });

    await expectOAuthError(
      strict.exchangeRefreshToken({ client: h.client, refreshToken: spent, scope: undefined }),
      "invalid_grant",
      "refresh_token_reused",
    );
    await expectOAuthError(refresh(h, first.refreshToken), "invalid_grant", "refresh_token_revoked");
  });
});
