import { describe, expect, it } from "vitest";
import { BOOTSTRAP_ADMIN } from "../src/domain/admin-actor.js";
import { ConflictError } from "../src/errors/admin-errors.js";
import { StorageUnavailableError } from "../src/errors/storage-unavailable-error.js";
import { createMemoryStorage } from "../src/memory/memory-storage.js";
import type { Storage } from "../src/ports/storage.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness } from "./support/harness.js";

/** A storage whose every call fails while `down` is set, as a database outage would. */
function flakyStorage(inner: Storage) {
  const state = { down: false };
  const wrap = <T extends object>(port: T): T =>
    new Proxy(port, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          if (state.down) return Promise.reject(new StorageUnavailableError("connection refused"));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const storage: Storage = {
    trustedIssuers: wrap(inner.trustedIssuers),
    clients: wrap(inner.clients),
    replayGuard: wrap(inner.replayGuard),
    refreshTokens: wrap(inner.refreshTokens),
    signingKeys: wrap(inner.signingKeys),
    revocations: wrap(inner.revocations),
    auditLog: inner.auditLog,
    adminAudit: wrap(inner.adminAudit),
    adminKeys: wrap(inner.adminKeys),
  };
  return { storage, state };
}

describe("storage outage", () => {
  it("surfaces as temporarily_unavailable, and the engine recovers when storage is back", async () => {
    const flaky = flakyStorage(createMemoryStorage());
    const h = await createHarness({ deps: { storage: flaky.storage } });
    const assertion = await h.sign();
    flaky.state.down = true;
    const error = await expectOAuthError(
      h.exchange(assertion),
      "temporarily_unavailable",
      "storage_unavailable",
    );
    expect(error.description).not.toMatch(/connection refused/);
    await expectOAuthError(h.engine.issuers.list(), "temporarily_unavailable");
    flaky.state.down = false;
    await h.expectIssued(h.exchange(assertion));
  });

  it("leaves admin errors as they are", async () => {
    const h = await createHarness();
    await expect(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, {
        issuer: h.issuer.issuer,
        jwksUri: "https://x.example/jwks",
      }),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});
