/**
 * Thrown by storage adapters when the database cannot be reached or times out. The engine turns it into
 * `temporarily_unavailable`; the adapter is expected to recover on its own once the database is back.
 */
export class StorageUnavailableError extends Error {
  override readonly name = "StorageUnavailableError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
