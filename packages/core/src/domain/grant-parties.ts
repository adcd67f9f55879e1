/** The party that acts for the subject of a token exchange (RFC 8693 §4.1): its token's `iss` and `sub`. */
export interface GrantActor {
  readonly issuer: string;
  readonly subject: string;
}

/** Who a grant decision was about, as far as it is known. */
export interface GrantParties {
  readonly issuer: string | null;
  readonly subject: string | null;
  readonly jti: string | null;
  /** Who acts for the subject, in a token exchange with an actor; `null` otherwise. */
  readonly actor: GrantActor | null;
}

export const UNKNOWN_PARTIES: GrantParties = { issuer: null, subject: null, jti: null, actor: null };
