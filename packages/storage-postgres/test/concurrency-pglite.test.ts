import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseStorage } from "../src/database-storage.js";
import { createPgliteStorage } from "../src/pglite-storage.js";

/**
 * PGlite is one process, one database: two storages over one PGlite client stand for two server instances.
 * Each has a replay-guard batcher of its own, so only the database's (issuer, jti) key can decide between them.
 */
describe("concurrency across two storages on one PGlite", () => {
  let client: PGlite;
  let first: DatabaseStorage;
  let second: DatabaseStorage;

  beforeAll(async () => {
    client = await PGlite.create();
    first = await createPgliteStorage({ client });
    second = await createPgliteStorage({ client });
    await first.migrate();
  });

  afterAll(async () => {
    await first.close();
    await second.close();
    await client.close();
  });

  it("lets exactly one of 20 concurrent claims of one (issuer, jti) succeed", async () => {
    const expiresAt = new Date(Date.now() + 60_000);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? first : second).replayGuard.claim("https://idp.example.com", "jti-race", expiresAt),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    // Both instances sent the pair: the winner may be either, the loser is the database's refusal.
    expect([results[0], results[1]].filter(Boolean)).toHaveLength(1);
    const rows = await client.query<{ rows: number }>(
      "select count(*)::int as rows from used_assertions where jti = 'jti-race'",
    );
    expect(rows.rows[0]?.rows).toBe(1);
  });
});
