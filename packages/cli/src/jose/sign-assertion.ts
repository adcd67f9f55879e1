import { type KeyObject, randomUUID } from "node:crypto";
import { SignJWT } from "jose";

export interface AssertionInput {
  readonly key: KeyObject;
  readonly alg: string;
  readonly kid: string;
  readonly issuer: string;
  readonly subject: string;
  readonly audience: string;
  readonly ttlSeconds: number;
  readonly scope?: string;
  /** Added last, so that they may also replace a standard claim (an `exp` in the past, for a test). */
  readonly claims: readonly (readonly [string, unknown])[];
  readonly now: Date;
}

/** An RFC 7523 §3 assertion: iss, sub, aud, iat, exp and a fresh jti, signed with the issuer's key. */
export async function signAssertion(input: AssertionInput): Promise<string> {
  const iat = Math.floor(input.now.getTime() / 1000);
  const payload = {
    iss: input.issuer,
    sub: input.subject,
    aud: input.audience,
    iat,
    exp: iat + input.ttlSeconds,
    jti: randomUUID(),
    ...(input.scope === undefined ? {} : { scope: input.scope }),
    ...Object.fromEntries(input.claims),
  };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: input.alg, kid: input.kid, typ: "JWT" })
    .sign(input.key);
}
