import { describe, expect, it } from "vitest";
import {
  exchange,
  introspect,
  partnerAssertion,
  refresh,
  registerPartner,
  verifyAccessToken,
} from "./support/classic-flow.js";
import { startServer, tempDataDir } from "./support/server-process.js";

describe("restart on the same data directory", () => {
  it("keeps what decides grants: an access and a refresh token issued before still work after", async () => {
    const dataDir = await tempDataDir();
    const issuer = "http://jwtgrant.test";
    const first = await startServer({ dataDir, env: { JWTGRANT_ISSUER: issuer } });
    const client = await registerPartner(first.url);
    const tokens = await exchange(first.url, client, await partnerAssertion(issuer));
    expect(await first.stop()).toBe(0);

    const second = await startServer({ dataDir, env: { JWTGRANT_ISSUER: issuer } });
    try {
      expect((await verifyAccessToken(second.url, tokens.access_token, issuer)).sub).toBe("batch-job");
      expect(await introspect(second.url, client, tokens.access_token)).toMatchObject({
        active: true,
        sub: "batch-job",
      });
      const refreshed = await refresh(second.url, client, tokens.refresh_token);
      expect((await verifyAccessToken(second.url, refreshed.access_token, issuer)).client_id).toBe(
        client.clientId,
      );
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });
});
