/**
 * The `act` claim (RFC 8693 §4.1): who acts for the token's subject. A prior actor of a delegation chain is
 * nested inside; only the outermost is the current actor.
 */
export interface ActorClaim {
  readonly sub: string;
  readonly iss?: string;
  readonly act?: ActorClaim;
}
