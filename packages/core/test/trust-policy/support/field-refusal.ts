import { expect } from "vitest";
import { OAuthError } from "../../../src/errors/oauth-error.js";

/** Runs `action`, which must throw an admin field error, and returns it. */
export function fieldRefusal(action: () => unknown): OAuthError {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(OAuthError);
  const error = thrown as OAuthError;
  expect(error.code).toBe("invalid_request");
  expect(error.reason).toBe("invalid_field");
  return error;
}
