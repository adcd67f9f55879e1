/** Who a grant decision was about, as far as it is known. */
export interface GrantParties {
  readonly issuer: string | null;
  readonly subject: string | null;
  readonly jti: string | null;
}

export const UNKNOWN_PARTIES: GrantParties = { issuer: null, subject: null, jti: null };
