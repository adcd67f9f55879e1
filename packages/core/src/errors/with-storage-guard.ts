import { OAuthError } from "./oauth-error.js";
import { StorageUnavailableError } from "./storage-unavailable-error.js";

/** Runs a use case so that a storage outage reaches the caller as `temporarily_unavailable`. */
export async function withStorageGuard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof StorageUnavailableError) {
      throw new OAuthError("temporarily_unavailable", "the service is temporarily unavailable, retry later", {
        reason: "storage_unavailable",
        detail: error.message,
        cause: error,
      });
    }
    throw error;
  }
}
