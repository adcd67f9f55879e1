/** An admin operation named a trusted issuer, client or key that does not exist. */
export class NotFoundError extends Error {
  override readonly name = "NotFoundError";
}

/** An admin operation would create a second record with a unique value (an issuer name, a client id). */
export class ConflictError extends Error {
  override readonly name = "ConflictError";
}
