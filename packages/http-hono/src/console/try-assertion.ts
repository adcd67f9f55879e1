import type { Engine, Explanation } from "@jwtgrant/core";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { type ClaimTime, claimTimes } from "./claim-times.js";
import { type FormError, formError } from "./form-error.js";

/** The try-it form as submitted; `""` for a field left empty. */
export interface TryItRequest {
  readonly assertion: string;
  readonly clientId: string;
  readonly scope: string;
}

/** What the try-it panel reports: the engine's explanation, and the decoded parts (unverified, for reading). */
export interface TryItResult {
  readonly request: TryItRequest;
  /** The explanation; or why there is none, such as a client that no longer exists. */
  readonly outcome: { readonly explanation: Explanation } | { readonly error: FormError };
  readonly header: string;
  readonly claims: string;
  /** The assertion's time claims, as read at the check; empty when it does not decode. */
  readonly times: readonly ClaimTime[];
}

function decoded(read: () => unknown): string {
  try {
    return JSON.stringify(read(), null, 2);
  } catch {
    return "(not a decodable JWT)";
  }
}

async function explain(engine: Engine, request: TryItRequest): Promise<TryItResult["outcome"]> {
  const given = (value: string) => (value === "" ? undefined : value);
  try {
    return {
      explanation: await engine.explainJwtBearer({
        assertion: given(request.assertion),
        clientId: given(request.clientId),
        scope: given(request.scope),
      }),
    };
  } catch (error) {
    return { error: formError(error) };
  }
}

/**
 * The token endpoint's verdict on a pasted assertion, through the engine's explain, which writes nothing:
 * the `jti` is looked up, never recorded, so the assertion can still be exchanged afterwards.
 */
export async function tryAssertion(engine: Engine, request: TryItRequest): Promise<TryItResult> {
  return {
    request,
    outcome: await explain(engine, request),
    header: decoded(() => decodeProtectedHeader(request.assertion)),
    claims: decoded(() => decodeJwt(request.assertion)),
    times: decodedTimes(request.assertion, engine.clock.now()),
  };
}

function decodedTimes(assertion: string, now: Date): ClaimTime[] {
  try {
    return claimTimes(decodeJwt(assertion), now);
  } catch {
    return [];
  }
}
