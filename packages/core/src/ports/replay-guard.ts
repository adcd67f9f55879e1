/** Single use of assertion ids. */
export interface ReplayGuard {
  /**
   * Records that (`issuer`, `jti`) has been used, to be remembered at least until `expiresAt`.
   * Resolves `true` if the pair was new and `false` if it was already recorded. The check and the record
   * are one atomic step: of any number of concurrent claims of one pair — on this process or on others
   * sharing the same storage — exactly one resolves `true`. Pairs with the same `jti` under different
   * issuers are independent.
   */
  claim(issuer: string, jti: string, expiresAt: Date): Promise<boolean>;
  /**
   * Whether a `claim` of (`issuer`, `jti`) would now be refused: a read that records nothing, for diagnosis.
   */
  isClaimed(issuer: string, jti: string): Promise<boolean>;
}
