import { assertionScopeLimits } from "../assertion/assertion-scope-limits.js";
import { checkTrustedAssertion, type TrustedAssertion } from "../assertion/check-trusted-assertion.js";
import { type ReadAssertion, readAssertion } from "../assertion/read-assertion.js";
import { type Client, JWT_BEARER_GRANT } from "../domain/client.js";
import type { EngineContext } from "../engine/context.js";
import { type CheckedIdJag, checkIdJag } from "../id-jag/check-id-jag.js";
import { type AssertionProfile, isIdJag } from "../id-jag/id-jag-profile.js";
import { grantResources } from "../resources/grant-resources.js";
import { grantScope } from "../scope/grant-scope.js";
import { parseScope } from "../scope/parse-scope.js";
import type { JwtBearerRequest } from "./jwt-bearer-request.js";
import { requireGrantType } from "./require-grant-type.js";

export interface CheckedJwtBearer extends TrustedAssertion {
  /** `id-jag` when the assertion is an ID-JAG, and had the profile's rules. */
  readonly profile: AssertionProfile;
  /** The scope the grant would carry. */
  readonly scope: readonly string[];
  /** The resources (RFC 8707) the grant would carry, its access token's audience. */
  readonly resources: readonly string[];
}

/** What the grant's checks read of a token request, past the assertion. */
export type JwtBearerParameters = Pick<JwtBearerRequest, "scope" | "resource">;

/**
 * Every rule of the JWT Bearer grant but the replay guard, cheapest first: the client's grant type, the
 * assertion (shape, trusted issuer, header, signature, claims), the client's issuers, the issuer's subject
 * rule, its trust rules, an ID-JAG's own rules, the scope (what was requested, within the client's, the
 * issuer's, the rule's and the assertion's own `scope` claim) and the resources. Writes nothing, so it also
 * serves as a dry run that leaves the `jti` unspent.
 */
export function checkJwtBearer(ctx: EngineContext, request: JwtBearerRequest): Promise<CheckedJwtBearer> {
  const read = readAssertion(request.assertion, ctx.settings.maxAssertionBytes);
  return checkReadJwtBearer(ctx, request.client, request, read);
}

/**
 * `checkJwtBearer` for an assertion the caller has already read. Without a client (`null`, for explain
 * only) the client's own checks are skipped: its grant types, its issuers, its scope and its resources.
 */
export async function checkReadJwtBearer(
  ctx: EngineContext,
  client: Client | null,
  parameters: JwtBearerParameters,
  read: ReadAssertion,
): Promise<CheckedJwtBearer> {
  if (client !== null) requireGrantType(client, JWT_BEARER_GRANT);
  const requested = parseScope(parameters.scope);
  if (!read.ok) throw read.refusal;
  const trusted = await checkTrustedAssertion(ctx, client, read.jws);
  const idJag = isIdJag(read.jws.header) ? checkIdJag(trusted.assertion, ctx.settings.issuer, client) : null;
  return {
    ...trusted,
    profile: idJag === null ? null : "id-jag",
    scope: grantScope(requested, assertionScopeLimits(client, trusted)),
    resources: checkResources(client, parameters.resource ?? [], idJag),
  };
}

function checkResources(client: Client | null, requested: readonly string[], idJag: CheckedIdJag | null) {
  const claimed = idJag?.resources ?? null;
  if (client === null) return claimed ?? [];
  const ceiling = claimed === null ? null : { resources: claimed, source: "the ID-JAG's resource claim" };
  return grantResources(client, requested, ceiling);
}
