import { describe, expect, it } from "vitest";
import { JWT_BEARER, oauthPost, partnerAssertion, registerPartner } from "./support/classic-flow.js";
import { SECRETS, startServer, tempDataDir } from "./support/server-process.js";
import { createTestDatabase, hasPostgres } from "./support/test-database.js";

const ISSUER = "http://jwtgrant.fault.test";

describe.runIf(hasPostgres)("database fault under a running server", () => {
  it("answers 503 while connections are cut, recovers without a restart, and never accepts an assertion twice", async () => {
    const database = await createTestDatabase();
    const server = await startServer({
      dataDir: await tempDataDir(),
      env: { DATABASE_URL: database.url, JWTGRANT_SECRETS: SECRETS, JWTGRANT_ISSUER: ISSUER },
    });
    try {
      const client = await registerPartner(server.url);
      const assertions = await Promise.all(Array.from({ length: 40 }, () => partnerAssertion(ISSUER)));
      const post = (assertion: string) =>
        oauthPost(server.url, "/oauth2/token", client, { grant_type: JWT_BEARER, assertion });

      // Cut every connection of the server again and again while assertions are being exchanged.
      let cutting = true;
      const cuts = (async () => {
        while (cutting) {
          await database.admin`
            select pg_terminate_backend(pid) from pg_stat_activity
            where datname = ${database.name} and pid <> pg_backend_pid()`;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      const duringFault = await Promise.all(assertions.map(post));
      cutting = false;
      await cuts;

      const statuses = duringFault.map((response) => response.status);
      expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
      expect(statuses).toContain(503);
      for (const response of duringFault.filter((r) => r.status === 503)) {
        expect(await response.json()).toMatchObject({ error: "temporarily_unavailable" });
      }

      // Recovered: a fresh assertion works, and every assertion already accepted stays spent.
      // Pooled connections cut by the last round are found dead on their next use: allow a few of those.
      let recovered = 0;
      for (let attempt = 0; attempt < 20 && recovered !== 200; attempt++) {
        recovered = (await post(await partnerAssertion(ISSUER))).status;
      }
      expect(recovered).toBe(200);
      const accepted = assertions.filter((_, i) => statuses[i] === 200);
      for (const assertion of accepted) {
        const replay = await post(assertion);
        expect(replay.status).toBe(400);
        expect(await replay.json()).toMatchObject({ error: "invalid_grant" });
      }
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    } finally {
      const code = await server.stop();
      expect(code).toBe(0);
      await database.drop();
    }
  });
});
