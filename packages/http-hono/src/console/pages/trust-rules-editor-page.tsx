import type { TrustedIssuer } from "@jwtgrant/core";
import { issuerPath } from "../console-paths.js";
import type { FormError } from "../form-error.js";
import { CsrfField, FieldError, Layout } from "../layout.js";
import { TextField } from "./text-field.js";

export interface TrustRulesEditorProps {
  readonly csrfToken: string;
  readonly issuer: TrustedIssuer;
  /** The textarea's content: the stored rules as JSON, or what was submitted when it was refused. */
  readonly text: string;
  readonly error?: FormError;
}

const EXAMPLE = JSON.stringify(
  [
    {
      name: "deploy-release",
      when: {
        repository_owner_id: { eq: "1342004" },
        ref: { glob: "refs/heads/release/*" },
      },
      scope: "deploy:write",
      subject: "gh:{repository_id}:{ref}",
      claims: { repository: "repository" },
      access_token_ttl: 900,
      refresh_tokens: false,
    },
  ],
  null,
  2,
);

/** The rules of one issuer as JSON in the admin API's wire form, edited whole. */
export function TrustRulesEditorPage({ csrfToken, issuer, text, error }: TrustRulesEditorProps) {
  const base = issuerPath(issuer.id);
  const topError = error !== undefined && error.field !== "rules";
  return (
    <Layout title={`Rules of ${issuer.name ?? issuer.issuer}`} csrfToken={csrfToken}>
      <p>
        A JSON array of rules, as the admin API takes them. Rules are tried in order and the first whose
        conditions all hold decides; an assertion no rule matches is refused. Leave the box empty, or write{" "}
        <code>null</code>, to remove every rule: then any assertion that passes this issuer's other checks is
        accepted. To refuse every assertion, disable the issuer instead.
      </p>
      <details>
        <summary>Example</summary>
        <pre>{EXAMPLE}</pre>
      </details>
      <form class="stacked" method="post" action={`${base}/rules`}>
        <CsrfField token={csrfToken} />
        <FieldError id="form-error" message={topError ? error.message : undefined} />
        <TextField
          name="rules"
          label="Rules (JSON)"
          hint="Conditions: eq, in, glob, contains or exists, one per claim; ignore_case with eq, in and glob."
          value={text}
          multiline
          code
          error={error}
        />
        <button type="submit">Save rules</button>
      </form>
      <p>
        <a href={base}>Back to the issuer</a>
      </p>
    </Layout>
  );
}
