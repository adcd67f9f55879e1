import type { TrustRule } from "@jwtgrant/core";
import { describeCondition } from "../describe-condition.js";

/** An issuer's trust rules in the order they are tried, each with what it requires and what it grants. */
export function TrustRuleList({ rules }: { readonly rules: readonly TrustRule[] }) {
  return (
    <ol class="rules">
      {rules.map((rule) => (
        <li>
          <h3>{rule.name}</h3>
          <dl>
            <dt>When</dt>
            <dd>
              <ul class="compact">
                {rule.conditions.map((condition) => (
                  <li>
                    <code>{describeCondition(condition)}</code>
                  </li>
                ))}
              </ul>
            </dd>
            <dt>Scope</dt>
            <dd>{rule.scope === null ? "no limit of its own" : rule.scope.join(" ")}</dd>
            <dt>Subject</dt>
            <dd>{rule.subject === null ? "the assertion's sub" : <code>{rule.subject}</code>}</dd>
            <dt>Mapped claims</dt>
            <dd>
              {rule.claims.length === 0 ? (
                "none"
              ) : (
                <ul class="compact">
                  {rule.claims.map(({ target, source }) => (
                    <li>
                      <code>{`${target} ← ${source}`}</code>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            <dt>Access token TTL</dt>
            <dd>
              {rule.accessTokenTtl === null
                ? "the client's or the server's"
                : `at most ${rule.accessTokenTtl} s`}
            </dd>
            <dt>Refresh tokens</dt>
            <dd>{rule.refreshTokens ? "yes" : "no"}</dd>
          </dl>
        </li>
      ))}
    </ol>
  );
}
