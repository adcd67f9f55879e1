import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createPgliteStorage } from "../src/pglite-storage.js";

describe("PGlite on disk", () => {
  let dir: string | undefined;

  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it("keeps what was written across close and reopen of the same directory", async () => {
    dir = await mkdtemp(join(tmpdir(), "jwtgrant-pglite-"));
    const dataDir = join(dir, "data");
    const first = await createPgliteStorage({ dataDir });
    await first.migrate();
    const expiresAt = new Date(Date.now() + 60_000);
    expect(await first.replayGuard.claim("https://idp.example.com", "persisted", expiresAt)).toBe(true);
    await first.revocations.revoke("revoked-jti", expiresAt);
    await first.close();

    const reopened = await createPgliteStorage({ dataDir });
    await reopened.migrate();
    expect(await reopened.replayGuard.claim("https://idp.example.com", "persisted", expiresAt)).toBe(false);
    expect(await reopened.revocations.isRevoked("revoked-jti")).toBe(true);
    await reopened.close();
  });
});
