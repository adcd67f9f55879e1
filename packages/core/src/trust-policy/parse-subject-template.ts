import { type ClaimPath, parseClaimReference } from "./parse-claim-reference.js";
import { TRUST_POLICY_LIMITS } from "./trust-policy-limits.js";

/** A piece of a subject template: literal text, or a placeholder naming a claim. */
export type SubjectTemplatePart =
  | { readonly literal: string }
  | { readonly claim: string; readonly path: ClaimPath };

export type SubjectTemplate = readonly SubjectTemplatePart[];

export type ParsedSubjectTemplate = { readonly parts: SubjectTemplate } | { readonly problem: string };

/**
 * A subject template split into literal text and `{claim}` / `{/pointer}` placeholders. Braces only delimit
 * placeholders (there is no escape for a literal brace). A template must name at least one claim: a constant
 * subject would give every assertion the rule matches one identity that resource servers cannot tell apart.
 */
export function parseSubjectTemplate(template: string): ParsedSubjectTemplate {
  const parts: SubjectTemplatePart[] = [];
  let literalLength = 0;
  let index = 0;
  while (index < template.length) {
    const open = template.indexOf("{", index);
    const close = template.indexOf("}", index);
    if (close !== -1 && (open === -1 || close < open)) return { problem: "has a } without a { before it" };
    const end = open === -1 ? template.length : open;
    if (end > index) {
      parts.push({ literal: template.slice(index, end) });
      literalLength += end - index;
    }
    if (open === -1) break;
    if (close === -1) return { problem: "has a { without a } after it" };
    const claim = template.slice(open + 1, close);
    if (claim.includes("{")) return { problem: "has a { inside a placeholder" };
    const path = parseClaimReference(claim);
    if (path === null)
      return { problem: `has a placeholder {${claim}} that is not a claim name or JSON Pointer` };
    parts.push({ claim, path });
    index = close + 1;
  }
  if (!parts.some((part) => "claim" in part)) {
    return { problem: "must hold at least one {claim} or {/pointer} placeholder" };
  }
  if (literalLength > TRUST_POLICY_LIMITS.renderedSubject) {
    return { problem: `has more than ${TRUST_POLICY_LIMITS.renderedSubject} characters of literal text` };
  }
  return { parts };
}
