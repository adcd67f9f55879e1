import type { TrustedIssuer } from "../domain/trusted-issuer.js";
import type { EngineContext } from "../engine/context.js";
import { ConflictError, NotFoundError } from "../errors/admin-errors.js";
import { type AlgorithmFitField, checkAlgorithmFit } from "./check-algorithm-fit.js";
import { fieldError, nullableText, textField } from "./field-error.js";
import { deleteOrNotFound, findOrNotFound } from "./record-by-id.js";
import { scopeField } from "./scope-field.js";
import {
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
}

/**
 * A partial update; a new key source replaces the old one whole. The merged issuer is validated as a new one
 * would be: every explicitly allowed algorithm must fit one of its keys (unless they come from a JWKS URI).
 */
export type TrustedIssuerPatch = Partial<TrustedIssuerInput>;

const MAX_ISSUER_LENGTH = 2048;

function validateIssuerName(issuer: string): string {
  if (issuer.length === 0 || issuer.length > MAX_ISSUER_LENGTH || issuer.trim() !== issuer) {
    throw fieldError(
      "issuer",
      `must be a non-empty string of at most ${MAX_ISSUER_LENGTH} characters without surrounding spaces`,
    );
  }
  return textField("issuer", issuer);
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
  const keys =
    current === null || hasKeySource(input)
      ? await validateKeySource(input, true)
      : { source: current.keySource, keys: await storedKeysOf(current.keySource) };
  const algorithms =
    input.algorithms === undefined
      ? (current?.algorithms ?? null)
      : input.algorithms === null
        ? null
        : validateAlgorithms(input.algorithms);
  // Checked on the merged result, so a create and any patch are held to the same fit.
  checkAlgorithmFit(algorithms, keys.keys, misfitField(input));
  const issuerName = input.issuer ?? current?.issuer;
  if (issuerName === undefined) throw fieldError("issuer", "is required");
  return {
    id: current?.id ?? crypto.randomUUID(),
    issuer: validateIssuerName(issuerName),
    name: input.name === undefined ? (current?.name ?? null) : nullableText("name", input.name),
    keySource: keys.source,
    algorithms,
    subjectRule: subjectRule(input.allowAnySubject, input.subjects, current?.subjectRule ?? { kind: "any" }),
    scope:
      input.scope === undefined
        ? (current?.scope ?? null)
        : input.scope === null
          ? null
          : scopeField(input.scope),
    expiresAt: input.expiresAt === undefined ? (current?.expiresAt ?? null) : input.expiresAt,
    enabled: input.enabled ?? current?.enabled ?? true,
    createdAt: current?.createdAt ?? now,
    updatedAt: now,
  };
}

/** The field a misfit is blamed on: the allow-list when the request gives one, else the new key source. */
function misfitField(input: TrustedIssuerPatch): AlgorithmFitField {
  if (input.algorithms !== undefined) return "algorithms";
  if (input.certificate !== undefined) return "certificate";
  return input.jwks !== undefined ? "jwks" : "algorithms";
}

export async function createTrustedIssuer(
  ctx: EngineContext,
  input: TrustedIssuerInput,
): Promise<TrustedIssuer> {
  const issuer = await build(ctx, input, null);
  if ((await ctx.storage.trustedIssuers.insert(issuer)) === "duplicate") {
    throw new ConflictError(`an issuer ${issuer.issuer} is already registered`);
  }
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
  id: string,
  patch: TrustedIssuerPatch,
): Promise<TrustedIssuer> {
  const updated = await build(ctx, patch, await getTrustedIssuer(ctx, id));
  const outcome = await ctx.storage.trustedIssuers.update(updated);
  if (outcome === "not_found") throw new NotFoundError(`no trusted issuer ${id}`);
  if (outcome === "duplicate") throw new ConflictError(`an issuer ${updated.issuer} is already registered`);
  return updated;
}

export async function deleteTrustedIssuer(ctx: EngineContext, id: string): Promise<void> {
  await deleteOrNotFound("trusted issuer", id, (issuerId) => ctx.storage.trustedIssuers.delete(issuerId));
}
