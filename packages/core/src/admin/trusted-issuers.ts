import { recordAdminChange } from "../admin-audit/record-admin-change.js";
import type { AdminActor } from "../domain/admin-actor.js";
import type { AssertionReuse, TrustedIssuer } from "../domain/trusted-issuer.js";
import type { EngineContext } from "../engine/context.js";
import { ConflictError, NotFoundError } from "../errors/admin-errors.js";
import { checkTrustGuardrails } from "../trust-policy/check-trust-guardrails.js";
import { parseTrustRules } from "../trust-policy/parse-trust-rules.js";
import { issuerToWire } from "../wire/issuer-to-wire.js";
import { type AlgorithmFitField, checkAlgorithmFit } from "./check-algorithm-fit.js";
import { fieldError, nullableText, textField } from "./field-error.js";
import { identifierField, identifierListField } from "./identifier-list-field.js";
import { deleteOrNotFound, findOrNotFound } from "./record-by-id.js";
import { scopeField } from "./scope-field.js";
import {
  discoveryKeySource,
  hasKeySource,
  type KeySourceInput,
  storedKeysOf,
  validateAlgorithms,
  validateKeySource,
} from "./validate-key-source.js";

/** A trusted issuer as the operator describes it through the admin API, in camelCase. */
export interface TrustedIssuerInput extends KeySourceInput {
  readonly issuer: string;
  readonly name?: string | null | undefined;
  readonly algorithms?: readonly string[] | null | undefined;
  readonly allowAnySubject?: boolean | undefined;
  readonly subjects?: readonly string[] | undefined;
  readonly scope?: string | null | undefined;
  readonly expiresAt?: Date | null | undefined;
  readonly enabled?: boolean | undefined;
  /** Extra `aud` values accepted from this issuer; `null` or `[]` clears them. */
  readonly audiences?: readonly string[] | null | undefined;
  readonly assertionReuse?: string | undefined;
  /** Seconds; `null` returns to the server's limit. */
  readonly maxAssertionLifetime?: number | null | undefined;
  /** The trust rules in their wire form, validated here; `null` removes them. */
  readonly rules?: unknown;
}

/**
 * A partial update; a new key source replaces the old one whole. The merged issuer is validated as a new one
 * would be: every explicitly allowed algorithm must fit one of its keys (unless they come from a JWKS URI).
 */
export type TrustedIssuerPatch = Partial<TrustedIssuerInput>;

const ASSERTION_REUSE: readonly AssertionReuse[] = ["single_use", "allowed"];
/** A day: longer-lived assertions are bearer credentials too long to be worth accepting. */
const MAX_ASSERTION_LIFETIME = 86_400;

function assertionReuse(value: string): AssertionReuse {
  const reuse = ASSERTION_REUSE.find((candidate) => candidate === value);
  if (reuse === undefined)
    throw fieldError("assertion_reuse", `must be one of ${ASSERTION_REUSE.join(", ")}`);
  return reuse;
}

function maxAssertionLifetime(value: number | null): number | null {
  if (value !== null && (!Number.isInteger(value) || value <= 0 || value > MAX_ASSERTION_LIFETIME)) {
    throw fieldError(
      "max_assertion_lifetime",
      `must be a whole number of seconds between 1 and ${MAX_ASSERTION_LIFETIME}`,
    );
  }
  return value;
}

function audiences(values: readonly string[] | null): readonly string[] {
  return values === null || values.length === 0 ? [] : identifierListField("audiences", values);
}

function subjectRule(
  allowAnySubject: boolean | undefined,
  subjects: readonly string[] | undefined,
  current: TrustedIssuer["subjectRule"],
): TrustedIssuer["subjectRule"] {
  if (subjects !== undefined) {
    if (allowAnySubject === true)
      throw fieldError("subjects", "cannot be combined with allow_any_subject: true");
    if (subjects.length === 0 || subjects.some((subject) => subject.length === 0)) {
      throw fieldError("subjects", "must list at least one non-empty subject");
    }
    return {
      kind: "listed",
      subjects: [...new Set(subjects.map((subject) => textField("subjects", subject)))],
    };
  }
  if (allowAnySubject === true) return { kind: "any" };
  if (allowAnySubject === false && current.kind === "any") {
    throw fieldError("subjects", "required when allow_any_subject is false");
  }
  return current;
}

async function build(
  ctx: EngineContext,
  input: TrustedIssuerPatch,
  current: TrustedIssuer | null,
): Promise<TrustedIssuer> {
  const now = ctx.clock.now();
  const issuerName = input.issuer ?? current?.issuer;
  if (issuerName === undefined) throw fieldError("issuer", "is required");
  const issuer = identifierField("issuer", issuerName);
  const keys =
    current === null || hasKeySource(input)
      ? await validateKeySource(input, "issuer", issuer)
      : { source: current.keySource, keys: await storedKeysOf(current.keySource) };
  const algorithms =
    input.algorithms === undefined
      ? (current?.algorithms ?? null)
      : input.algorithms === null
        ? null
        : validateAlgorithms(input.algorithms);
  // Checked on the merged result, so a create and any patch are held to the same fit.
  checkAlgorithmFit(algorithms, keys.keys, misfitField(input));
  const reuse =
    input.assertionReuse === undefined
      ? (current?.assertionReuse ?? "single_use")
      : assertionReuse(input.assertionReuse);
  const rules =
    input.rules === undefined
      ? (current?.rules ?? null)
      : input.rules === null
        ? null
        : parseTrustRules(input.rules);
  const enabled = input.enabled ?? current?.enabled ?? true;
  // On the merged result: a PATCH that renames an issuer, or drops its rules, is held to them as a create
  // is. A disabled issuer trusts nothing, so one registered before the guardrails can still be disabled.
  if (enabled) checkTrustGuardrails(issuer, rules, reuse);
  return {
    id: current?.id ?? crypto.randomUUID(),
    issuer,
    name: input.name === undefined ? (current?.name ?? null) : nullableText("name", input.name),
    // Discovery follows the issuer identifier, also when a PATCH renames the issuer.
    keySource: keys.source.kind === "discovery" ? discoveryKeySource(issuer) : keys.source,
    algorithms,
    subjectRule: subjectRule(input.allowAnySubject, input.subjects, current?.subjectRule ?? { kind: "any" }),
    scope:
      input.scope === undefined
        ? (current?.scope ?? null)
        : input.scope === null
          ? null
          : scopeField(input.scope),
    expiresAt: input.expiresAt === undefined ? (current?.expiresAt ?? null) : input.expiresAt,
    enabled,
    audiences: input.audiences === undefined ? (current?.audiences ?? []) : audiences(input.audiences),
    assertionReuse: reuse,
    maxAssertionLifetimeSeconds:
      input.maxAssertionLifetime === undefined
        ? (current?.maxAssertionLifetimeSeconds ?? null)
        : maxAssertionLifetime(input.maxAssertionLifetime),
    rules,
    createdAt: current?.createdAt ?? now,
    updatedAt: now,
  };
}

/** The field a misfit is blamed on: the allow-list when the request gives one, else the new key source. */
function misfitField(input: TrustedIssuerPatch): AlgorithmFitField {
  if (input.algorithms !== undefined) return "algorithms";
  if (input.certificate !== undefined) return "certificate";
  if (input.certificates !== undefined) return "certificates";
  return input.jwks !== undefined ? "jwks" : "algorithms";
}

export async function createTrustedIssuer(
  ctx: EngineContext,
  actor: AdminActor,
  input: TrustedIssuerInput,
): Promise<TrustedIssuer> {
  const issuer = await build(ctx, input, null);
  if ((await ctx.storage.trustedIssuers.insert(issuer)) === "duplicate") {
    throw new ConflictError(`an issuer ${issuer.issuer} is already registered`);
  }
  await recordAdminChange(ctx, actor, "issuer.create", issuer.id, null, issuerToWire(issuer));
  return issuer;
}

export async function getTrustedIssuer(ctx: EngineContext, id: string): Promise<TrustedIssuer> {
  return findOrNotFound("trusted issuer", id, (issuerId) => ctx.storage.trustedIssuers.findById(issuerId));
}

export function listTrustedIssuers(ctx: EngineContext): Promise<TrustedIssuer[]> {
  return ctx.storage.trustedIssuers.list();
}

export async function updateTrustedIssuer(
  ctx: EngineContext,
  actor: AdminActor,
  id: string,
  patch: TrustedIssuerPatch,
): Promise<TrustedIssuer> {
  const current = await getTrustedIssuer(ctx, id);
  const updated = await build(ctx, patch, current);
  const outcome = await ctx.storage.trustedIssuers.update(updated);
  if (outcome === "not_found") throw new NotFoundError(`no trusted issuer ${id}`);
  if (outcome === "duplicate") throw new ConflictError(`an issuer ${updated.issuer} is already registered`);
  await recordAdminChange(ctx, actor, "issuer.update", id, issuerToWire(current), issuerToWire(updated));
  return updated;
}

/** Deletes an issuer; the audit log keeps what it was. */
export async function deleteTrustedIssuer(ctx: EngineContext, actor: AdminActor, id: string): Promise<void> {
  const current = await getTrustedIssuer(ctx, id);
  await deleteOrNotFound("trusted issuer", id, (issuerId) => ctx.storage.trustedIssuers.delete(issuerId));
  await recordAdminChange(ctx, actor, "issuer.delete", id, issuerToWire(current), null);
}
