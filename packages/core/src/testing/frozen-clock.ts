import type { Clock } from "../ports/clock.js";

/** A clock that stands still until a test moves it. */
export interface FrozenClock extends Clock {
  /** Moves the clock forward by `seconds` (backward when negative). */
  advance(seconds: number): void;
  /** The current time in whole seconds since the epoch, as JWT claims count it. */
  nowSeconds(): number;
}

export function createFrozenClock(at: Date = new Date("2026-01-01T00:00:00Z")): FrozenClock {
  let current = at.getTime();
  return {
    now: () => new Date(current),
    advance: (seconds) => {
      current += seconds * 1000;
    },
    nowSeconds: () => Math.floor(current / 1000),
  };
}
