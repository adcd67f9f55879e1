import type { TrustedIssuer } from "../domain/trusted-issuer.js";
import { invalidGrant } from "../errors/oauth-error.js";

/** The issuer's subject rule: every subject, or only the listed ones. */
export function checkSubjectRule(issuer: TrustedIssuer, subject: string): void {
  if (issuer.subjectRule.kind === "listed" && !issuer.subjectRule.subjects.includes(subject)) {
    throw invalidGrant("the assertion's subject is not allowed for its issuer", {
      reason: "subject_not_allowed",
      detail: `sub ${subject}`,
    });
  }
}
