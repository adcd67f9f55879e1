import { BOOTSTRAP_ADMIN, JWT_BEARER_GRANT } from "@jwtgrant/core";
import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, createHttpHarness, IDP } from "./support/http-harness.js";

type Harness = Awaited<ReturnType<typeof createHttpHarness>>;

const explain = (h: Harness, body: unknown, authorization = `Bearer ${ADMIN_TOKEN}`) =>
  h.app.request("/admin/explain", {
    method: "POST",
    headers: { authorization, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("POST /admin/explain", () => {
  it("answers the verdict, the rules condition by condition, and the token that would be issued", async () => {
    const h = await createHttpHarness();
    const issuer = (await h.engine.issuers.list())[0];
    await h.engine.issuers.update(BOOTSTRAP_ADMIN, issuer?.id ?? "", {
      rules: [
        {
          name: "main",
          when: { ref: { glob: "refs/heads/*" }, env: { exists: false } },
          claims: { r: "ref" },
        },
      ],
    });
    const assertion = await h.assertion({ ref: "refs/heads/main" });
    const response = await explain(h, { assertion, client_id: h.client.clientId, scope: "read" });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toStrictEqual({
      outcome: "would_grant",
      profile: null,
      error: null,
      reason: null,
      error_description: null,
      issuer: IDP,
      rule: "main",
      jti_used: false,
      client: "checked",
      rules: [
        {
          name: "main",
          matched: true,
          conditions: [
            { claim: "ref", operator: "glob", passed: true, actual: "refs/heads/main" },
            { claim: "env", operator: "exists", passed: true },
          ],
        },
      ],
      token: {
        sub: "svc-a",
        scope: "read",
        claims: { r: "refs/heads/main" },
        expires_in: 3600,
        aud: h.engine.settings.issuer,
        refresh_token: true,
      },
    });

    // Nothing was written: the same assertion is still exchanged once, then explained as replayed.
    const granted = await h.post("/oauth2/token", { grant_type: JWT_BEARER_GRANT, assertion });
    expect(granted.status).toBe(200);
    expect(await (await explain(h, { assertion })).json()).toMatchObject({
      outcome: "refused",
      error: "invalid_grant",
      reason: "assertion_replayed",
      error_description: "the assertion has already been used",
      jti_used: true,
      client: "skipped",
    });
  });

  it("refuses an unknown client with 404, a body without assertion with 400, and no admin token with 401", async () => {
    const h = await createHttpHarness();
    const assertion = await h.assertion();
    expect((await explain(h, { assertion, client_id: "nobody" })).status).toBe(404);
    const missing = await explain(h, { client_id: h.client.clientId });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: "invalid_request", field: "assertion" });
    expect((await explain(h, { assertion }, "Bearer wrong")).status).toBe(401);
  });
});
