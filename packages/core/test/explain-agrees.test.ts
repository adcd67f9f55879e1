import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { BOOTSTRAP_ADMIN } from "../src/domain/admin-actor.js";
import { OAuthError } from "../src/errors/oauth-error.js";
import { createHarness } from "./support/harness.js";
import { createRandom, generateClaims, generateRules } from "./trust-policy/support/generate-policy-cases.js";

/** What the token endpoint did with an assertion, in the terms explain reports. */
async function tokenEndpointVerdict(
  h: Awaited<ReturnType<typeof createHarness>>,
  assertion: string,
  scope?: string,
) {
  try {
    const response = await h.exchange(assertion, scope);
    const claims = decodeJwt(response.accessToken);
    const [audit] = await h.storage.auditLog.recent(1);
    return {
      outcome: "would_grant",
      reason: null,
      rule: audit?.rule ?? null,
      subject: claims.sub,
      scope: response.scope ?? null,
      expiresIn: response.expiresIn,
      refreshToken: response.refreshToken !== undefined,
    };
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    return { outcome: "refused", error: error.code, reason: error.reason, description: error.description };
  }
}

describe("explain's verdict", () => {
  it("is the token endpoint's, over generated rules, claims, scopes and replays", async () => {
    const random = createRandom(20261204);
    let compared = 0;
    let granted = 0;
    for (let seed = 0; seed < 160; seed++) {
      const rules = generateRules(random);
      const h = await createHarness({ client: { scope: "read write admin" } }).catch(() => null);
      if (h === null) continue;
      try {
        await h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, { rules });
      } catch {
        continue; // a generated rule the admin API refuses at save
      }
      const claims = h.claims(generateClaims(random));
      const assertion = await h.sign(claims);
      const scope = random.pick([undefined, "read", "admin"]);
      if (random.chance(0.15)) await h.exchange(await h.sign(claims)).catch(() => undefined);

      const explained = await h.engine.explainJwtBearer({ assertion, clientId: h.client.clientId, scope });
      const actual = await tokenEndpointVerdict(h, assertion, scope);
      if (actual.outcome === "would_grant") {
        granted++;
        expect({
          outcome: explained.outcome,
          reason: explained.reason,
          rule: explained.rule,
          subject: explained.token?.subject,
          scope: explained.token?.scope,
          expiresIn: explained.token?.expiresIn,
          refreshToken: explained.token?.refreshToken,
        }).toStrictEqual(actual);
      } else {
        expect({
          outcome: explained.outcome,
          error: explained.error,
          reason: explained.reason,
          description: explained.description,
        }).toStrictEqual(actual);
      }
      compared++;
    }
    // Enough cases went each way for the comparison to mean something.
    expect(compared).toBeGreaterThanOrEqual(120);
    expect(granted).toBeGreaterThanOrEqual(15);
    expect(compared - granted).toBeGreaterThanOrEqual(15);
  });
});
