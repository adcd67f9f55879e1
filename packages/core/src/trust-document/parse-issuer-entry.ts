import { fieldError } from "../admin/field-error.js";
import { identifierField } from "../admin/identifier-list-field.js";
import { isAsymmetricAlgorithm } from "../domain/algorithms.js";
import type { FieldPath } from "../errors/field-path.js";
import { formatScope, parseScope } from "../scope/parse-scope.js";
import { checkTrustGuardrails } from "../trust-policy/check-trust-guardrails.js";
import { parseTrustRules } from "../trust-policy/parse-trust-rules.js";
import { trustRulesToWire } from "../trust-policy/trust-rules-to-wire.js";
import { type EntryReader, entryReader } from "./entry-reader.js";
import { normalizeJwks } from "./normalize-jwks.js";
import type { IssuerEntry } from "./trust-document.js";
import { underPath } from "./under-path.js";

/** The fields an issuer of a document may have: the admin API's, without id, timestamps or allow_any_subject. */
export const ISSUER_FIELDS = [
  "issuer",
  "name",
  "certificate",
  "certificates",
  "jwks",
  "jwks_uri",
  "discovery",
  "algorithms",
  "subjects",
  "scope",
  "audiences",
  "assertion_reuse",
  "max_assertion_lifetime",
  "expires_at",
  "enabled",
  "rules",
] as const;

/** What an admin API response adds to a document's fields; read as the server's state, never in a document. */
const RESPONSE_ONLY_FIELDS = ["id", "created_at", "updated_at", "allow_any_subject"];

const KEY_SOURCES = ["certificate", "certificates", "jwks", "jwks_uri", "discovery"] as const;
const ASSERTION_REUSE = ["single_use", "allowed"];
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/i;

/** Each value once, in first-seen order, as the admin API keeps lists. */
const distinct = (values: readonly string[]): string[] => [...new Set(values)];

function scope(read: EntryReader): string | null {
  const value = read.nullableString("scope");
  if (value === undefined || value === null) return null;
  try {
    return formatScope(parseScope(value));
  } catch {
    throw fieldError(read.at("scope"), "must be space-separated scope tokens");
  }
}

function keySource(read: EntryReader): Pick<IssuerEntry, (typeof KEY_SOURCES)[number]> {
  const given = KEY_SOURCES.filter((name) => read.has(name));
  if (given.length !== 1) {
    throw fieldError(
      read.at(given[1] ?? "certificate"),
      `exactly one of ${KEY_SOURCES.join(", ")} is required`,
    );
  }
  switch (given[0]) {
    case "certificate":
      return { certificate: (read.string("certificate") ?? "").trim() };
    case "certificates":
      return { certificates: distinct((read.stringList("certificates") ?? []).map((pem) => pem.trim())) };
    case "jwks":
      return { jwks: normalizeJwks(read.at("jwks"), read.raw("jwks")) };
    case "jwks_uri":
      return { jwks_uri: read.string("jwks_uri") ?? "" };
    default:
      if (read.boolean("discovery") !== true) throw fieldError(read.at("discovery"), "must be true");
      return { discovery: true };
  }
}

function algorithms(read: EntryReader): string[] | null {
  const values = read.nullableStringList("algorithms");
  if (values === undefined || values === null) return null;
  values.forEach((alg, index) => {
    if (!isAsymmetricAlgorithm(alg)) {
      throw fieldError(
        [...read.at("algorithms"), index],
        `${alg} is not an accepted asymmetric JWS algorithm`,
      );
    }
  });
  return distinct(values);
}

function expiresAt(read: EntryReader): string | null {
  const value = read.nullableString("expires_at");
  if (value === undefined || value === null) return null;
  const time = Date.parse(value);
  if (!RFC3339.test(value) || Number.isNaN(time)) {
    throw fieldError(read.at("expires_at"), "must be an RFC 3339 date-time, e.g. 2027-01-01T00:00:00Z");
  }
  return new Date(time).toISOString();
}

function assertionReuse(read: EntryReader): "single_use" | "allowed" {
  const value = read.string("assertion_reuse") ?? "single_use";
  if (value !== "single_use" && value !== "allowed") {
    throw fieldError(read.at("assertion_reuse"), `must be one of ${ASSERTION_REUSE.join(", ")}`);
  }
  return value;
}

/**
 * One issuer of a trust document (or of the admin API's answer, with `fromServer`), checked and brought to the
 * form the server keeps it in: defaults filled in, lists without repeats, the scope and the rules as the
 * server writes them back. Checks that need key material parsed (a PEM, the algorithms' fit) are the admin
 * API's, when the document is applied.
 */
export function parseIssuerEntry(path: FieldPath, value: unknown, fromServer = false): IssuerEntry {
  const read = entryReader(
    path,
    value,
    fromServer ? [...ISSUER_FIELDS, ...RESPONSE_ONLY_FIELDS] : ISSUER_FIELDS,
  );
  const issuerName = read.string("issuer");
  if (issuerName === undefined) throw fieldError(read.at("issuer"), "is required");
  const issuer = identifierField(read.at("issuer"), issuerName);
  const subjects = read.stringList("subjects");
  if (subjects?.length === 0) throw fieldError(read.at("subjects"), "must list at least one subject");
  const audiences = read.nullableStringList("audiences") ?? [];
  const rawRules = read.raw("rules");
  const rules =
    rawRules === undefined || rawRules === null ? null : underPath(path, () => parseTrustRules(rawRules));
  const reuse = assertionReuse(read);
  const enabled = read.boolean("enabled") ?? true;
  if (enabled && !fromServer) underPath(path, () => checkTrustGuardrails(issuer, rules, reuse));
  return {
    issuer,
    name: read.nullableString("name") ?? null,
    ...keySource(read),
    algorithms: algorithms(read),
    subjects: subjects === undefined ? null : distinct(subjects),
    scope: scope(read),
    audiences: distinct(audiences),
    assertion_reuse: reuse,
    max_assertion_lifetime: read.nullableInteger("max_assertion_lifetime") ?? null,
    expires_at: expiresAt(read),
    enabled,
    rules: rules === null ? null : trustRulesToWire(rules),
  };
}
