import type { JsonObject } from "../jws/parse-compact-jws.js";
import { isStorableText } from "../util/storable-text.js";
import type { SubjectTemplate } from "./parse-subject-template.js";
import { resolveClaim } from "./resolve-claim.js";
import { TRUST_POLICY_LIMITS } from "./trust-policy-limits.js";

export type RenderedSubject =
  | { readonly outcome: "rendered"; readonly subject: string }
  /** A placeholder's claim is missing, or neither a string nor a number. */
  | { readonly outcome: "unresolved"; readonly claim: string }
  /** The result is empty, over 255 characters, or not text that storage keeps. */
  | { readonly outcome: "invalid" };

/**
 * The access token's subject from a template: each placeholder replaced by its claim, which must be a string
 * or a number (written as JSON writes it). Anything else means the rule does not match.
 */
export function renderSubjectTemplate(template: SubjectTemplate, claims: JsonObject): RenderedSubject {
  let subject = "";
  for (const part of template) {
    if ("literal" in part) {
      subject += part.literal;
      continue;
    }
    const value = resolveClaim(claims, part.path);
    if (typeof value !== "string" && typeof value !== "number")
      return { outcome: "unresolved", claim: part.claim };
    subject += String(value);
    if (subject.length > TRUST_POLICY_LIMITS.renderedSubject) return { outcome: "invalid" };
  }
  if (subject.length === 0 || !isStorableText(subject)) return { outcome: "invalid" };
  return { outcome: "rendered", subject };
}
