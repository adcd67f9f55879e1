import type { TrustRule } from "../domain/trust-rule.js";
import type { JsonObject } from "../jws/parse-compact-jws.js";

/** A subject or actor token of a token exchange, verified, and what a token issued on it would carry. */
export interface ExchangedToken {
  /** The token's own `iss` and `sub`: who it is about, as `act` and `may_act` name parties. */
  readonly issuer: string;
  readonly subject: string;
  /** The issued token's `sub`: the trust rule's subject template, or the token's `sub`. */
  readonly tokenSubject: string;
  /** The issued token's `assertion_iss`: the issuer of the assertion the grant rests on. */
  readonly assertionIssuer: string;
  /** The claims the issued token carries over: a rule's mapped claims. */
  readonly claims: Readonly<Record<string, unknown>>;
  readonly rule: TrustRule | null;
  /** The ceilings on the scope of a token issued on it; `null` is none. */
  readonly scopeLimits: readonly (readonly string[] | null)[];
  /** Seconds a token issued on it may live at most, past the client's and the rule's limits; `null`: no more. */
  readonly ttlCap: number | null;
  /** The (`iss`, `jti`) the exchange spends, until when; `null` when the token is not single use. */
  readonly spends: { readonly issuer: string; readonly jti: string; readonly until: Date } | null;
  /** The token's claims as written, for its `act` and `may_act`. */
  readonly payload: JsonObject;
}
