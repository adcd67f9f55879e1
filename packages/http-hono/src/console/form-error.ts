import { OAuthError } from "@jwtgrant/core";
import { describeError } from "../errors/error-response.js";

/** A refused form: the message to show, the field it belongs to (if core named one) and the status. */
export interface FormError {
  readonly status: 400 | 404 | 409 | 503;
  readonly message: string;
  readonly field: string | undefined;
}

/**
 * Turns an engine failure into what a form shows. Core's field path starts with the top-level wire name,
 * which is the console's input name too. Anything else is rethrown for the app's error handler.
 */
export function formError(error: unknown): FormError {
  const described = describeError(error);
  const status = described.status;
  if (status !== 400 && status !== 404 && status !== 409 && status !== 503) throw error;
  const message = described.body.error_description;
  const field = error instanceof OAuthError ? error.field?.[0] : undefined;
  return { status, message, field };
}
