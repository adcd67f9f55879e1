import {
  BOOTSTRAP_ADMIN,
  createEngine,
  JWT_BEARER_GRANT,
  NotFoundError,
  type OAuthError,
  REFRESH_TOKEN_GRANT,
} from "@jwtgrant/core";
import { createFrozenClock, generateTestKey, signTestJws } from "@jwtgrant/core/testing";
import { describe, expect, it } from "vitest";
import {
  hasPostgres,
  pgliteFactory,
  postgresFactory,
  type StorageFactory,
} from "./support/test-databases.js";

function describeEngineFlow(name: string, factory: () => StorageFactory) {
  describe(`the grant engine on ${name}`, () => {
    const storages = factory();

    it("exchanges an assertion once, refreshes, introspects and revokes", async () => {
      const storage = await storages.open();
      const clock = createFrozenClock(new Date());
      const engine = createEngine({ storage, clock }, { issuer: "https://as.example.com" });
      const key = await generateTestKey("ES256", "k1");
      await engine.issuers.create(BOOTSTRAP_ADMIN, {
        issuer: "https://idp.example.com",
        jwks: { keys: [key.publicJwk] },
        scope: "read",
      });
      const { client } = await engine.clients.create(BOOTSTRAP_ADMIN, {
        grantTypes: [JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT],
        scope: "read write",
      });
      const now = clock.nowSeconds();
      const assertion = await signTestJws(
        key,
        {
          iss: "https://idp.example.com",
          sub: "svc",
          aud: "https://as.example.com",
          iat: now,
          exp: now + 60,
          jti: "j1",
        },
        { kid: "k1" },
      );

      const granted = await engine.exchangeJwtBearer({ client, assertion, scope: undefined });
      expect(granted.scope).toBe("read");
      const replay = await engine
        .exchangeJwtBearer({ client, assertion, scope: undefined })
        .catch((e: unknown) => e);
      expect((replay as OAuthError).reason).toBe("assertion_replayed");

      const refreshed = await engine.exchangeRefreshToken({
        client,
        refreshToken: granted.refreshToken,
        scope: undefined,
      });
      expect(await engine.introspectToken({ client, token: refreshed.accessToken })).toMatchObject({
        active: true,
        sub: "svc",
      });
      await engine.revokeToken({ client, token: refreshed.accessToken });
      expect(await engine.introspectToken({ client, token: refreshed.accessToken })).toEqual({
        active: false,
      });

      const reuse = await engine
        .exchangeRefreshToken({ client, refreshToken: granted.refreshToken, scope: undefined })
        .catch((e: unknown) => e);
      expect((reuse as OAuthError).reason).toBe("refresh_token_reused");
      const decisions = await storage.auditLog.recent(10);
      expect(decisions.map((d) => [d.outcome, d.reason])).toEqual([
        ["refused", "refresh_token_reused"],
        ["granted", null],
        ["refused", "assertion_replayed"],
        ["granted", null],
      ]);
      await storage.close();
    });

    it("answers text the database cannot hold as an OAuth error, and keeps auditing", async () => {
      const storage = await storages.open();
      const engine = createEngine({ storage }, { issuer: "https://as.example.com" });
      const { client } = await engine.clients.create(BOOTSTRAP_ADMIN, {});
      const refusal = (promise: Promise<unknown>) =>
        promise.then(
          () => undefined,
          (e: unknown) => e as OAuthError,
        );
      expect(
        (await refusal(engine.authenticateClient({ basic: { clientId: "c\u0000", clientSecret: "s" } })))
          ?.code,
      ).toBe("invalid_client");
      const base64url = (value: unknown) =>
        btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
      const unsigned = (claims: Record<string, unknown>) =>
        `${base64url({ alg: "ES256", kid: "k1" })}.${base64url(claims)}.c2ln`;
      const nulIssuer = await refusal(
        engine.exchangeJwtBearer({
          client,
          assertion: unsigned({ iss: "https://idp\u0000", jti: "a\u0000" }),
          scope: undefined,
        }),
      );
      expect(nulIssuer?.reason).toBe("iss_invalid");
      const [recorded] = await storage.auditLog.recent(1);
      expect(recorded).toMatchObject({ issuer: "https://idp\ufffd", jti: "a\ufffd", reason: "iss_invalid" });
      await expect(engine.clients.get("c\u0000")).rejects.toBeInstanceOf(NotFoundError);
      await expect(engine.issuers.delete(BOOTSTRAP_ADMIN, "i\u0000")).rejects.toBeInstanceOf(NotFoundError);
      expect((await refusal(engine.clients.create(BOOTSTRAP_ADMIN, { clientName: "ci\u0000" })))?.code).toBe(
        "invalid_request",
      );
      await storage.close();
    });

    it("fails only the claim the database refuses, not the others of its batch", async () => {
      const storage = await storages.open();
      const until = new Date(Date.now() + 60_000);
      const outcomes = await Promise.allSettled([
        storage.replayGuard.claim("https://idp.example.com", "ok-1", until),
        storage.replayGuard.claim("https://idp.example.com", "bad\u0000", until),
        storage.replayGuard.claim("https://idp.example.com", "ok-2", until),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      expect(outcomes.filter((o) => o.status === "fulfilled").map((o) => o.value)).toEqual([true, true]);
      expect(await storage.replayGuard.claim("https://idp.example.com", "ok-1", until)).toBe(false);
      await storage.close();
    });
  });
}

describeEngineFlow("PGlite", pgliteFactory);
describe.runIf(hasPostgres)("PostgreSQL", () => describeEngineFlow("PostgreSQL", postgresFactory));
