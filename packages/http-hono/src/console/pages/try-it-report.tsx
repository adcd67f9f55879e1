import type { ExplainedToken, Explanation, RuleExplanation, TrustPolicyProblem } from "@jwtgrant/core";
import { durationText } from "../duration-text.js";
import type { TryItResult } from "../try-assertion.js";
import { ClaimValue } from "./claim-value.js";

export interface TryItReportProps {
  readonly result: TryItResult;
  /** The identifier of the issuer whose page this is. */
  readonly pageIssuer: string;
}

/** The try-it verdict, rule by rule and condition by condition, and the token that would be issued. */
export function TryItReport({ result, pageIssuer }: TryItReportProps) {
  const { outcome } = result;
  return (
    <section aria-labelledby="verdict">
      {"error" in outcome ? (
        <>
          <h3 id="verdict" class="error">
            Not checked
          </h3>
          <p id="try-error" class="error" role="alert">
            {outcome.error.message}
          </p>
        </>
      ) : (
        <ExplanationReport explanation={outcome.explanation} pageIssuer={pageIssuer} />
      )}
      {result.times.length === 0 ? null : (
        <>
          <h4>Times</h4>
          <dl id="claim-times">
            {result.times.map((time) => (
              <>
                <dt>{time.claim}</dt>
                <dd>
                  {time.at === null
                    ? `${time.seconds}, not a date`
                    : `${time.at.slice(0, 19).replace("T", " ")} UTC`}{" "}
                  <span class="hint">({time.relative})</span>
                </dd>
              </>
            ))}
          </dl>
        </>
      )}
      <h4>Header</h4>
      <pre>{result.header}</pre>
      <h4>Claims</h4>
      <pre>{result.claims}</pre>
    </section>
  );
}

function ExplanationReport({ explanation, pageIssuer }: { explanation: Explanation; pageIssuer: string }) {
  const granted = explanation.outcome === "would_grant";
  return (
    <>
      <h3 id="verdict" class={granted ? "ok" : "error"}>
        {granted ? "Would grant" : `Refused: ${explanation.reason ?? explanation.error}`}
      </h3>
      {granted ? null : (
        <p role="status">
          <code>{explanation.error}</code> {explanation.description}
        </p>
      )}
      {explanation.issuer === pageIssuer ? null : (
        <p id="other-issuer" class="notice">
          {explanation.issuer === null ? (
            "The assertion names no registered issuer, so no issuer's rules were checked."
          ) : (
            <>
              The assertion names another registered issuer, <code>{explanation.issuer}</code>: the verdict
              and the rules below are that issuer's, not this one's.
            </>
          )}
        </p>
      )}
      <dl>
        <dt>Profile</dt>
        <dd id="profile">
          {explanation.profile === "id-jag"
            ? "ID-JAG (typ oauth-id-jag+jwt): its audience, client, cnf, jti and resource rules applied"
            : "plain assertion (RFC 7523)"}
        </dd>
        <dt>Issuer</dt>
        <dd>{explanation.issuer === null ? "none registered" : <code>{explanation.issuer}</code>}</dd>
        <dt>Matching rule</dt>
        <dd>{explanation.rule ?? "none"}</dd>
        <dt>jti used</dt>
        <dd id="jti-used">{explanation.jtiUsed ? "yes: already exchanged" : "no"}</dd>
        <dt>Client</dt>
        <dd id="client-check">
          {explanation.client === "checked" ? "checked" : "skipped: no client was chosen"}
        </dd>
      </dl>
      <h4>Rules</h4>
      {explanation.rules === null ? (
        <p>No rules were evaluated: the issuer has none, or the assertion could not be read.</p>
      ) : (
        explanation.rules.map((rule, index) => <RuleReport rule={rule} index={index} />)
      )}
      <h4>Token that would be issued</h4>
      {explanation.token === null ? <p>None.</p> : <TokenReport token={explanation.token} />}
    </>
  );
}

const FAILURE: Record<Exclude<TrustPolicyProblem, "condition_failed">, string> = {
  subject_unresolved: "the subject could not be made: a claim it takes is missing, or not a string or number",
  subject_invalid: "its rendered subject is empty, over 255 characters or not storable text",
  mapped_claim_too_large: "a mapped claim is over 4 KiB as JSON",
  mapped_claim_unstorable: "a mapped claim holds text no storage keeps",
};

function RuleReport({ rule, index }: { rule: RuleExplanation; index: number }) {
  const id = `rule-${index}`;
  const failure = rule.failure;
  return (
    <div class="rule-report">
      <h5 id={id}>
        {rule.name}:{" "}
        <span class={rule.matched ? "ok" : "error"}>{rule.matched ? "matches" : "does not match"}</span>
      </h5>
      {failure === null || failure.problem === "condition_failed" ? null : (
        <p>
          {`Every condition passed, but ${FAILURE[failure.problem]}`}
          {failure.claim === null ? (
            "."
          ) : (
            <>
              {" "}
              (<code>{failure.claim}</code>).
            </>
          )}
        </p>
      )}
      <table aria-labelledby={id}>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Operator</th>
            <th scope="col">Result</th>
            <th scope="col">Actual value</th>
          </tr>
        </thead>
        <tbody>
          {rule.conditions.map((condition) => (
            <tr class={condition.passed ? "passed" : "failed"}>
              <td>
                <code>{condition.claim}</code>
              </td>
              <td>{condition.operator}</td>
              <td class={condition.passed ? "ok" : "error"}>{condition.passed ? "✓ passed" : "✗ failed"}</td>
              <td>
                <ClaimValue value={condition.actual} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TokenReport({ token }: { token: ExplainedToken }) {
  return (
    <dl id="would-issue">
      <dt>Subject (sub)</dt>
      <dd>
        <code>{token.subject}</code>
      </dd>
      <dt>Scope</dt>
      <dd>{token.scope ?? "none"}</dd>
      <dt>Mapped claims</dt>
      <dd>
        {Object.keys(token.claims).length === 0 ? "none" : <pre>{JSON.stringify(token.claims, null, 2)}</pre>}
      </dd>
      <dt>Lifetime (expires_in)</dt>
      <dd>
        {token.expiresIn < 60
          ? `${token.expiresIn} s`
          : `${token.expiresIn} s (${durationText(token.expiresIn)})`}
      </dd>
      <dt>Audience (aud)</dt>
      <dd>
        <code>{typeof token.audience === "string" ? token.audience : token.audience.join(" ")}</code>
      </dd>
      <dt>Refresh token</dt>
      <dd>{token.refreshToken ? "yes" : "no"}</dd>
    </dl>
  );
}
