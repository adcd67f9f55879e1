import { BOOTSTRAP_ADMIN, JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT } from "@jwtgrant/core";
import { ecCertificate, importTestKey, signTestJws } from "@jwtgrant/core/testing";
import { describe, expect, it } from "vitest";
import { createConsoleHarness, SERVER } from "./console-harness.js";

const PARTNER = "https://partner.example.com";

const RULES = [
  {
    name: "release",
    when: { repository_owner_id: { eq: "1342004" }, ref: { glob: "refs/heads/release/*" } },
    scope: "deploy:write",
    subject: "gh:{repository_id}:{ref}",
    claims: { repository: "repository" },
    access_token_ttl: 900,
    refresh_tokens: false,
  },
  { name: "main", when: { ref: { eq: "refs/heads/main" }, environment: { exists: true } } },
];

async function withPolicy() {
  const harness = await createConsoleHarness();
  await harness.signIn();
  const issuer = await harness.engine.issuers.create(BOOTSTRAP_ADMIN, {
    issuer: PARTNER,
    certificate: ecCertificate.certificate,
    rules: RULES,
  });
  const { client, clientSecret } = await harness.engine.clients.create(BOOTSTRAP_ADMIN, {
    clientName: "Deployer",
    grantTypes: [JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT],
    scope: "deploy:write",
  });
  const key = await importTestKey("ES256", ecCertificate.testOnlyPrivateKeyPkcs8);
  const assertion = (claims: Record<string, unknown>) => {
    const now = harness.clock.nowSeconds();
    return signTestJws(key, {
      iss: PARTNER,
      sub: "repo:acme/app",
      aud: `${SERVER}/oauth2/token`,
      iat: now,
      exp: now + 120,
      jti: crypto.randomUUID(),
      ...claims,
    });
  };
  const path = `/console/issuers/${encodeURIComponent(issuer.id)}`;
  const tryIt = async (fields: Record<string, string>) => {
    const response = await harness.submit(`${path}/try`, fields);
    expect(response.status).toBe(200);
    return response.text();
  };
  return { harness, client, clientSecret, assertion, tryIt };
}

/** One condition's row of the report: claim, operator, result and the actual value as rendered. */
const row = (claim: string, operator: string, passed: boolean, actual: string) =>
  `<tr class="${passed ? "passed" : "failed"}"><td><code>${claim}</code></td><td>${operator}</td>` +
  `<td class="${passed ? "ok" : "error"}">${passed ? "✓ passed" : "✗ failed"}</td><td>${actual}</td></tr>`;

describe("console: try an assertion", () => {
  it("marks every condition passed or failed with the claim's actual value, and gives the verdict", async () => {
    const { tryIt, assertion } = await withPolicy();
    const html = await tryIt({
      assertion: await assertion({ repository_owner_id: 1342004, ref: "refs/heads/main" }),
    });
    expect(html).toContain('<h3 id="verdict" class="error">Refused: no_rule_matched</h3>');
    expect(html).toContain(
      "<code>invalid_grant</code> no trust rule matched the assertion: release (repository_owner_id), main (environment)",
    );
    expect(html).toContain('release: <span class="error">does not match</span>');
    expect(html).toContain('main: <span class="error">does not match</span>');
    // The owner id is a number where the rule wants a string: no coercion, and the type is shown.
    expect(html).toContain(
      row("repository_owner_id", "eq", false, '<code>1342004</code> <span class="hint">number</span>'),
    );
    expect(html).toContain(row("ref", "glob", false, "<code>refs/heads/main</code>"));
    expect(html).toContain(row("ref", "eq", true, "<code>refs/heads/main</code>"));
    expect(html).toContain(row("environment", "exists", false, "<em>missing</em>"));
    expect(html).toContain('<dd id="client-check">skipped: no client was chosen</dd>');
    expect(html).toContain('<dd id="jti-used">no</dd>');
    expect(html).toContain("<h4>Token that would be issued</h4><p>None.</p>");
    expect(html).not.toContain('id="other-issuer"');
  });

  it("shows the token a matching assertion would get, as the chosen client asking for a scope", async () => {
    const { harness, tryIt, assertion, client } = await withPolicy();
    const html = await tryIt({
      assertion: await assertion({
        repository_owner_id: "1342004",
        repository_id: 99,
        repository: "Acme/App",
        ref: "refs/heads/release/v1",
      }),
      client_id: client.clientId,
      scope: "deploy:write",
    });
    expect(html).toContain('<h3 id="verdict" class="ok">Would grant</h3>');
    expect(html).toContain("<dt>Matching rule</dt><dd>release</dd>");
    expect(html).toContain('<dd id="profile">plain assertion (RFC 7523)</dd>');
    expect(html).toContain('release: <span class="ok">matches</span>');
    expect(html).toContain(row("repository_owner_id", "eq", true, "<code>1342004</code>"));
    expect(html).toContain('<dd id="client-check">checked</dd>');
    expect(html).toContain(
      '<dl id="would-issue"><dt>Subject (sub)</dt><dd><code>gh:99:refs/heads/release/v1</code></dd>' +
        "<dt>Scope</dt><dd>deploy:write</dd>" +
        `<dt>Mapped claims</dt><dd><pre>${JSON.stringify({ repository: "Acme/App" }, null, 2).replaceAll('"', "&quot;")}</pre></dd>` +
        "<dt>Lifetime (expires_in)</dt><dd>900 s (15 min)</dd>" +
        `<dt>Audience (aud)</dt><dd><code>${harness.engine.settings.issuer}</code></dd><dt>Refresh token</dt><dd>no</dd></dl>`,
    );
  });

  it("shows iat, nbf and exp as UTC dates with the time from now", async () => {
    const { harness, tryIt, assertion } = await withPolicy();
    const now = harness.clock.nowSeconds();
    const html = await tryIt({
      assertion: await assertion({ iat: now - 90, nbf: now - 7200, exp: now + 300 }),
    });
    const utc = (seconds: number) =>
      `${new Date(seconds * 1000).toISOString().slice(0, 19).replace("T", " ")} UTC`;
    expect(html).toContain(
      `<dl id="claim-times"><dt>iat</dt><dd>${utc(now - 90)} <span class="hint">(1 min ago)</span></dd>` +
        `<dt>nbf</dt><dd>${utc(now - 7200)} <span class="hint">(2 h ago)</span></dd>` +
        `<dt>exp</dt><dd>${utc(now + 300)} <span class="hint">(in 5 min)</span></dd></dl>`,
    );
  });

  it("shows a time claim no date holds as its number, and none for a text that is no JWT", async () => {
    const { tryIt, assertion } = await withPolicy();
    const html = await tryIt({ assertion: await assertion({ exp: 1e300 }) });
    expect(html).toContain("<dt>exp</dt><dd>1e+300, not a date");
    expect(await tryIt({ assertion: "not-a-jwt" })).not.toContain('id="claim-times"');
  });

  it("names the aud values this issuer's assertions may carry", async () => {
    const { harness, tryIt, assertion } = await withPolicy();
    const [issuer] = await harness.engine.issuers.list();
    await harness.engine.issuers.update(BOOTSTRAP_ADMIN, issuer?.id ?? "", {
      audiences: ["urn:example:deploy"],
    });
    const html = await tryIt({ assertion: await assertion({}) });
    expect(html).toContain(
      `<ul id="accepted-audiences" class="compact"><li><code>${SERVER}</code></li>` +
        `<li><code>${SERVER}/oauth2/token</code></li><li><code>urn:example:deploy</code></li></ul>`,
    );
  });

  it("keeps the pasted assertion, the client and the scope in the form, and the decoded claims", async () => {
    const { tryIt, assertion, client } = await withPolicy();
    const pasted = await assertion({ ref: "refs/heads/main", environment: "prod" });
    const html = await tryIt({ assertion: pasted, client_id: client.clientId, scope: "deploy:write" });
    expect(html).toContain(`spellcheck="false">${pasted}</textarea>`);
    expect(html).toContain(
      `<option value="${client.clientId}" selected="">Deployer (${client.clientId})</option>`,
    );
    expect(html).toContain('name="scope" value="deploy:write"');
    expect(html).toContain("&quot;environment&quot;: &quot;prod&quot;");
    expect(html).toContain("<dt>Matching rule</dt><dd>main</dd>");
  });

  it("escapes claim values that hold markup", async () => {
    const { tryIt, assertion } = await withPolicy();
    const html = await tryIt({
      assertion: await assertion({
        repository_owner_id: ["<b>bold</b>"],
        ref: "<script>alert(1)</script>",
      }),
    });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).toContain(row("ref", "glob", false, "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>"));
    expect(html).toContain(
      row(
        "repository_owner_id",
        "eq",
        false,
        '<code>[&quot;&lt;b&gt;bold&lt;/b&gt;&quot;]</code> <span class="hint">array</span>',
      ),
    );
  });

  it("shows an empty string, null, a boolean and an object each for what it is", async () => {
    const { harness, tryIt, assertion } = await withPolicy();
    const [issuer] = await harness.engine.issuers.list();
    await harness.engine.issuers.update(BOOTSTRAP_ADMIN, issuer?.id ?? "", {
      rules: [
        {
          name: "kinds",
          when: {
            empty: { exists: true },
            nothing: { exists: true },
            flag: { exists: true },
            nested: { exists: true },
          },
        },
      ],
    });
    const html = await tryIt({
      assertion: await assertion({ empty: "", nothing: null, flag: true, nested: { k: "<i>" } }),
    });
    expect(html).toContain(row("empty", "exists", true, "<em>empty string</em>"));
    expect(html).toContain(
      row("nothing", "exists", false, '<code>null</code> <span class="hint">null</span>'),
    );
    expect(html).toContain(
      row("flag", "exists", true, '<code>true</code> <span class="hint">boolean</span>'),
    );
    expect(html).toContain(
      row(
        "nested",
        "exists",
        true,
        '<code>{&quot;k&quot;:&quot;&lt;i&gt;&quot;}</code> <span class="hint">object</span>',
      ),
    );
  });

  it("says when the assertion is another issuer's, or no registered issuer's", async () => {
    const { harness, tryIt, assertion } = await withPolicy();
    const other = "https://other.example.com";
    await harness.engine.issuers.create(BOOTSTRAP_ADMIN, {
      issuer: other,
      certificate: ecCertificate.certificate,
    });
    const html = await tryIt({ assertion: await assertion({ iss: other }) });
    expect(html).toContain('<h3 id="verdict" class="ok">Would grant</h3>');
    expect(html).toMatch(
      /id="other-issuer" class="notice">The assertion names another registered issuer, <code>https:\/\/other.example.com<\/code>/,
    );
    expect(html).toContain("<h4>Rules</h4><p>No rules were evaluated");

    const unknown = await tryIt({ assertion: await assertion({ iss: "https://nobody.example.com" }) });
    expect(unknown).toContain('<h3 id="verdict" class="error">Refused: issuer_unknown</h3>');
    expect(unknown).toContain("The assertion names no registered issuer");
  });

  it("writes nothing: the assertion is still exchanged once, then shown as used", async () => {
    const { harness, tryIt, assertion, client, clientSecret } = await withPolicy();
    const good = await assertion({
      repository_owner_id: "1342004",
      repository_id: 7,
      ref: "refs/heads/release/x",
    });
    expect(await tryIt({ assertion: good })).toContain("Would grant");
    const exchange = await harness.app.request("/oauth2/token", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${btoa(`${client.clientId}:${clientSecret}`)}`,
      },
      body: new URLSearchParams({ grant_type: JWT_BEARER_GRANT, assertion: good }).toString(),
    });
    expect(exchange.status).toBe(200);
    const html = await tryIt({ assertion: good });
    expect(html).toContain('<h3 id="verdict" class="error">Refused: assertion_replayed</h3>');
    expect(html).toContain('<dd id="jti-used">yes: already exchanged</dd>');
    expect(html).toContain('release: <span class="ok">matches</span>');
  });

  it("reports a client that does not exist instead of a verdict", async () => {
    const { tryIt, assertion } = await withPolicy();
    const html = await tryIt({ assertion: await assertion({}), client_id: "gone" });
    expect(html).toContain('<h3 id="verdict" class="error">Not checked</h3>');
    expect(html).toMatch(/<p id="try-error" class="error" role="alert">[^<]*gone/);
  });
});
