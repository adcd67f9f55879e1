import { BOOTSTRAP_ADMIN, trustRulesToWire } from "@jwtgrant/core";
import { ecCertificate } from "@jwtgrant/core/testing";
import { describe, expect, it } from "vitest";
import { createConsoleHarness } from "./console-harness.js";

const PARTNER = "https://partner.example.com";

const RULES = [
  {
    name: "deploy-release",
    when: {
      repository_owner_id: { eq: "1342004" },
      repository: { eq: "Acme/App", ignore_case: true },
      ref: { glob: "refs/heads/release/*" },
      "/kubernetes.io/namespace": { in: ["prod", 7] },
      groups: { contains: "deployers" },
      environment: { exists: true },
    },
    scope: "deploy:write",
    subject: "gh:{repository_id}:{ref}",
    claims: { repository: "repository", namespace: "/kubernetes.io/namespace" },
    access_token_ttl: 900,
    refresh_tokens: false,
  },
  { name: "anything-else", when: { sub: { eq: "batch-job" } } },
];

async function withRules(rules: unknown = RULES) {
  const harness = await createConsoleHarness();
  await harness.signIn();
  const issuer = await harness.engine.issuers.create(BOOTSTRAP_ADMIN, {
    issuer: PARTNER,
    name: "Partner",
    certificate: ecCertificate.certificate,
    rules,
  });
  const path = `/console/issuers/${encodeURIComponent(issuer.id)}`;
  return { harness, issuer, path, editor: `${path}/rules` };
}

/** The textarea's content as the browser reads it. */
function textareaOf(html: string): string {
  const escaped = /<textarea[^>]*name="rules"[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1];
  if (escaped === undefined) throw new Error("no rules textarea on the page");
  return escaped
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

describe("console: an issuer's trust rules", () => {
  it("shows each rule and the issuer's trust settings on the issuer's page", async () => {
    const { harness, path, issuer } = await withRules();
    await harness.engine.issuers.update(BOOTSTRAP_ADMIN, issuer.id, {
      audiences: ["https://api.example.com/sts"],
      assertionReuse: "allowed",
      maxAssertionLifetime: 600,
    });
    const html = await (await harness.get(path)).text();
    for (const condition of [
      "repository_owner_id eq &quot;1342004&quot;",
      "repository eq &quot;Acme/App&quot; (ignore case)",
      "ref glob &quot;refs/heads/release/*&quot;",
      "/kubernetes.io/namespace in [&quot;prod&quot;,7]",
      "groups contains &quot;deployers&quot;",
      "environment exists true",
      "sub eq &quot;batch-job&quot;",
    ]) {
      expect(html).toContain(`<code>${condition}</code>`);
    }
    expect(html).toContain("<h3>deploy-release</h3>");
    expect(html).toContain("<h3>anything-else</h3>");
    expect(html).toContain("<dt>Scope</dt><dd>deploy:write</dd>");
    expect(html).toContain("<code>gh:{repository_id}:{ref}</code>");
    expect(html).toContain("<code>repository ← repository</code>");
    expect(html).toContain("<code>namespace ← /kubernetes.io/namespace</code>");
    expect(html).toContain("<dt>Access token TTL</dt><dd>at most 900 s</dd>");
    expect(html).toContain("<dt>Refresh tokens</dt><dd>no</dd>");
    // The second rule's unset fields read as their defaults.
    expect(html).toContain("<dt>Subject</dt><dd>the assertion&#39;s sub</dd>");
    expect(html).toContain("<dt>Refresh tokens</dt><dd>yes</dd>");
    expect(html).toContain(
      "https://api.example.com/sts, besides this server&#39;s issuer and token endpoint",
    );
    expect(html).toContain("allowed until expiry: the jti is optional and not recorded");
    expect(html).toContain("<dt>Max assertion lifetime</dt><dd>600 s</dd>");
    expect(html).toContain(`href="${path}/rules">Edit rules…</a>`);
  });

  it("shows the defaults of an issuer without rules, and discovery as its key source", async () => {
    const harness = await createConsoleHarness();
    await harness.signIn();
    const issuer = await harness.engine.issuers.create(BOOTSTRAP_ADMIN, { issuer: PARTNER, discovery: true });
    const path = `/console/issuers/${encodeURIComponent(issuer.id)}`;
    const html = await (await harness.get(path)).text();
    expect(html).toContain("OpenID Provider discovery: the issuer&#39;s /.well-known/openid-configuration");
    expect(html).toContain(
      "No rules: every assertion that passes this issuer&#39;s other checks is accepted.",
    );
    expect(html).toContain("this server&#39;s issuer and token endpoint only");
    expect(html).toContain("single use: the jti is recorded and a second exchange refused");
    expect(html).toContain("<dt>Max assertion lifetime</dt><dd>the server&#39;s, 3600 s</dd>");
    expect(html).toContain(`href="${path}/rules">Add rules…</a>`);
    expect(textareaOf(await (await harness.get(`${path}/rules`)).text())).toBe("");
  });

  it("opens the editor on the stored rules as pretty-printed wire JSON", async () => {
    const { harness, issuer, editor } = await withRules();
    const html = await (await harness.get(editor)).text();
    expect(textareaOf(html)).toBe(JSON.stringify(trustRulesToWire(issuer.rules ?? []), null, 2));
    expect(html).toContain(`action="${editor}"`);
    expect(html).toMatch(/name="csrf_token" value="[^"]+"/);
    expect(html).toContain("to remove every rule");
  });

  it("saves valid rules and goes back to the issuer's page, which shows them", async () => {
    const { harness, issuer, path, editor } = await withRules();
    const rules = [
      { name: "nightly", when: { sub: { in: ["nightly", "batch-job"] } }, access_token_ttl: 300 },
    ];
    const response = await harness.submit(editor, { rules: JSON.stringify(rules, null, 2) });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(path);
    const saved = await harness.engine.issuers.get(issuer.id);
    expect(trustRulesToWire(saved.rules ?? [])).toStrictEqual([{ ...rules[0], refresh_tokens: true }]);
    const html = await (await harness.get(path)).text();
    expect(html).toContain("<h3>nightly</h3>");
    expect(html).toContain("<code>sub in [&quot;nightly&quot;,&quot;batch-job&quot;]</code>");
    expect(html).not.toContain("deploy-release");
  });

  it("shows core's field error beside the editor, naming the path, keeps the text and changes nothing", async () => {
    const { harness, issuer, editor } = await withRules();
    const typed = JSON.stringify([
      { name: "first", when: { sub: { eq: "a" } } },
      { name: "second", when: { ref: { glob: 5 } } },
    ]);
    const response = await harness.submit(editor, { rules: typed });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(
      /<textarea id="rules" name="rules" aria-describedby="rules-error" aria-invalid="true"[^>]*>/,
    );
    expect(html).toContain(
      '<p id="rules-error" class="error" role="alert">rules[1].when.ref: glob must be a string</p>',
    );
    expect(textareaOf(html)).toBe(typed);
    expect((await harness.engine.issuers.get(issuer.id)).rules).toStrictEqual(issuer.rules);
  });

  it("reports text that is not JSON as such, and changes nothing", async () => {
    const { harness, issuer, editor } = await withRules();
    const typed = '[{"name": "first", "when": {"sub": {"eq": "a"}}},]';
    const response = await harness.submit(editor, { rules: typed });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/<p id="rules-error" class="error" role="alert">rules: not valid JSON \(/);
    expect(textareaOf(html)).toBe(typed);
    expect((await harness.engine.issuers.get(issuer.id)).rules).toStrictEqual(issuer.rules);
  });

  it("refuses an empty list, and removes the rules when the box is empty or null", async () => {
    const { harness, issuer, path, editor } = await withRules();
    const empty = await harness.submit(editor, { rules: "[]" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain(
      "rules: must hold at least one rule; to refuse every assertion, disable the issuer",
    );
    expect((await harness.engine.issuers.get(issuer.id)).rules).toStrictEqual(issuer.rules);

    expect((await harness.submit(editor, { rules: "  " })).headers.get("location")).toBe(path);
    expect((await harness.engine.issuers.get(issuer.id)).rules).toBeNull();
    await harness.engine.issuers.update(BOOTSTRAP_ADMIN, issuer.id, { rules: RULES });
    expect((await harness.submit(editor, { rules: "null" })).headers.get("location")).toBe(path);
    expect((await harness.engine.issuers.get(issuer.id)).rules).toBeNull();
  });

  it("shows a refusal of another field above the editor, not beside it", async () => {
    const harness = await createConsoleHarness();
    await harness.signIn();
    const registered = await harness.engine.issuers.create(BOOTSTRAP_ADMIN, {
      issuer: "https://token.actions.githubusercontent.com",
      discovery: true,
      enabled: false,
    });
    // As stored before the guardrails existed: enabled, reusable assertions, no rules.
    await harness.storage.trustedIssuers.update({ ...registered, enabled: true, assertionReuse: "allowed" });
    const editor = `/console/issuers/${encodeURIComponent(registered.id)}/rules`;
    const rules = JSON.stringify([{ name: "acme", when: { repository_owner_id: { eq: "1342004" } } }]);
    const response = await harness.submit(editor, { rules });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(
      /<p id="form-error" class="error" role="alert">assertion_reuse: must be single_use: /,
    );
    expect(html).not.toContain('aria-invalid="true"');
    expect(textareaOf(html)).toBe(rules);
    expect((await harness.engine.issuers.get(registered.id)).rules).toBeNull();
  });

  it("needs the session's form token to save", async () => {
    const { harness, issuer, editor } = await withRules();
    const response = await harness.post(editor, { rules: "null" });
    expect(response.status).toBe(403);
    expect((await harness.engine.issuers.get(issuer.id)).rules).toStrictEqual(issuer.rules);
  });
});
