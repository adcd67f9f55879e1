import { describe, expect, it } from "vitest";
import { NotFoundError } from "../src/errors/admin-errors.js";
import { createHarness, IDP, SERVER } from "./support/harness.js";

const RULES = [
  { name: "deploy", when: { repository_id: { eq: "74" }, ref: { glob: "refs/heads/*" } }, scope: "read" },
  { name: "admin", when: { repository_id: { eq: "1" } } },
];

describe("explain", () => {
  it("reports a grant as the token endpoint would make it, rule by rule, and writes nothing", async () => {
    const h = await createHarness({ issuer: { rules: RULES } });
    const assertion = await h.sign(h.claims({ repository_id: "74", ref: "refs/heads/main" }));
    const explained = await h.engine.explainJwtBearer({
      assertion,
      clientId: h.client.clientId,
      scope: undefined,
    });
    expect(explained).toStrictEqual({
      profile: null,
      outcome: "would_grant",
      error: null,
      reason: null,
      description: null,
      issuer: IDP,
      rule: "deploy",
      jtiUsed: false,
      client: "checked",
      rules: [
        {
          name: "deploy",
          matched: true,
          conditions: [
            { claim: "repository_id", operator: "eq", passed: true, actual: "74" },
            { claim: "ref", operator: "glob", passed: true, actual: "refs/heads/main" },
          ],
          failure: null,
        },
        {
          name: "admin",
          matched: false,
          conditions: [{ claim: "repository_id", operator: "eq", passed: false, actual: "74" }],
          failure: { rule: "admin", claim: "repository_id", problem: "condition_failed" },
        },
      ],
      token: {
        subject: "svc-a",
        scope: "read",
        claims: {},
        expiresIn: 3600,
        audience: SERVER,
        refreshToken: true,
      },
    });
    expect(await h.storage.auditLog.recent(10)).toEqual([]);
    // The jti was only read: the token endpoint still grants the same assertion once.
    await h.expectIssued(h.exchange(assertion), { scope: "read" });
    const again = await h.engine.explainJwtBearer({
      assertion,
      clientId: h.client.clientId,
      scope: undefined,
    });
    expect(again).toMatchObject({
      outcome: "refused",
      error: "invalid_grant",
      reason: "assertion_replayed",
      description: "the assertion has already been used",
      jtiUsed: true,
      rule: null,
      token: null,
    });
    expect(again.rules?.map((rule) => rule.matched)).toEqual([true, false]);
  });

  it("skips the client's checks without a client, and never reports them as passed", async () => {
    const h = await createHarness({ client: { trustedIssuers: ["https://other.example.com"] } });
    const assertion = await h.sign();
    const withClient = await h.engine.explainJwtBearer({
      assertion,
      clientId: h.client.clientId,
      scope: undefined,
    });
    expect(withClient).toMatchObject({
      outcome: "refused",
      reason: "issuer_not_allowed_for_client",
      client: "checked",
    });
    const without = await h.engine.explainJwtBearer({ assertion, clientId: undefined, scope: "anything" });
    expect(without).toMatchObject({
      outcome: "would_grant",
      client: "skipped",
      rules: null,
      token: { subject: "svc-a", scope: "anything", expiresIn: 3600, refreshToken: true },
    });
  });

  it("names why no rule matched, and refuses an unknown client as not found", async () => {
    const h = await createHarness({ issuer: { rules: RULES } });
    const assertion = await h.sign(h.claims({ repository_id: "9" }));
    expect(
      await h.engine.explainJwtBearer({ assertion, clientId: undefined, scope: undefined }),
    ).toMatchObject({
      outcome: "refused",
      error: "invalid_grant",
      reason: "no_rule_matched",
      description: "no trust rule matched the assertion: deploy (repository_id), admin (repository_id)",
    });
    await expect(
      h.engine.explainJwtBearer({ assertion, clientId: "nobody", scope: undefined }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses what cannot be read, with no issuer and no rules", async () => {
    const h = await createHarness();
    expect(
      await h.engine.explainJwtBearer({ assertion: "x.y", clientId: undefined, scope: undefined }),
    ).toMatchObject({
      outcome: "refused",
      reason: "assertion_malformed",
      issuer: null,
      rules: null,
      jtiUsed: false,
    });
  });
});
