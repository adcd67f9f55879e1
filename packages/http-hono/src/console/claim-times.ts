import { durationText } from "./duration-text.js";

/** One of an assertion's time claims, as an instant and relative to now. */
export interface ClaimTime {
  readonly claim: "iat" | "nbf" | "exp";
  /** The claim as it stands, seconds since the epoch. */
  readonly seconds: number;
  /** ISO 8601 in UTC, or `null` for a number no date holds. */
  readonly at: string | null;
  /** `in 2 min`, `3 h ago`, `now`. */
  readonly relative: string;
}

const TIME_CLAIMS = ["iat", "nbf", "exp"] as const;

/** The assertion's `iat`, `nbf` and `exp`, those that are numbers, read against `now`. */
export function claimTimes(claims: Readonly<Record<string, unknown>>, now: Date): ClaimTime[] {
  const nowSeconds = now.getTime() / 1000;
  return TIME_CLAIMS.flatMap((claim) => {
    const seconds = claims[claim];
    if (typeof seconds !== "number" || !Number.isFinite(seconds)) return [];
    const date = new Date(seconds * 1000);
    const delta = Math.round(seconds - nowSeconds);
    const relative =
      delta === 0 ? "now" : delta > 0 ? `in ${durationText(delta)}` : `${durationText(delta)} ago`;
    return [{ claim, seconds, at: Number.isNaN(date.getTime()) ? null : date.toISOString(), relative }];
  });
}
