import { type Engine, OAuthError, type RefusalReason, type TrustedIssuer } from "@jwtgrant/core";
import { decodeJwt, decodeProtectedHeader } from "jose";

/** What the try-it panel reports: the decoded parts (unverified, for reading) and the deciding rule. */
export interface TryItResult {
  readonly clientId: string;
  readonly accepted: boolean;
  /**
   * The rule's reason code, as the audit log records it; `"accepted"` when every rule passed, and
   * `"issuer_mismatch"` when the assertion passed but is from another issuer than the page's.
   */
  readonly rule: RefusalReason | "issuer_mismatch" | "accepted";
  readonly message: string;
  readonly header: string;
  readonly claims: string;
}

function decoded(read: () => unknown): string {
  try {
    return JSON.stringify(read(), null, 2);
  } catch {
    return "(not a decodable JWT)";
  }
}

/**
 * The token endpoint's checks, through the engine's own dry run, for one issuer's page. The replay check is the
 * one step left out: checking it would consume the `jti`.
 */
export async function tryAssertion(
  engine: Engine,
  issuer: TrustedIssuer,
  clientId: string,
  assertion: string,
): Promise<TryItResult> {
  const report = (accepted: boolean, rule: TryItResult["rule"], message: string): TryItResult => ({
    clientId,
    accepted,
    rule,
    message,
    header: decoded(() => decodeProtectedHeader(assertion)),
    claims: decoded(() => decodeJwt(assertion)),
  });
  try {
    const client = await engine.clients.get(clientId);
    const { assertion: validated } = await engine.checkJwtBearer({ client, assertion, scope: undefined });
    if (validated.issuer.id !== issuer.id) {
      return report(
        false,
        "issuer_mismatch",
        `the assertion is from ${validated.issuer.issuer}, not this issuer`,
      );
    }
    return report(
      true,
      "accepted",
      "every check passed; the jti was not consumed, so it can still be exchanged",
    );
  } catch (error) {
    if (error instanceof OAuthError) return report(false, error.reason, error.description);
    throw error;
  }
}
