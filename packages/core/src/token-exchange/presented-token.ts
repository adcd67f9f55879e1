import { type ReadAssertion, readAssertion } from "../assertion/read-assertion.js";
import { ACCESS_TOKEN_TYPE_URI, type ExchangeableTokenType } from "./token-types.js";

/** A subject or actor token as presented: an access token of ours as its text, an assertion decoded once. */
export type PresentedToken =
  | { readonly kind: "access_token"; readonly token: string }
  | { readonly kind: "assertion"; readonly read: ReadAssertion };

export function presentedToken(token: string, type: ExchangeableTokenType, maxBytes: number): PresentedToken {
  return type === ACCESS_TOKEN_TYPE_URI
    ? { kind: "access_token", token }
    : { kind: "assertion", read: readAssertion(token, maxBytes) };
}
