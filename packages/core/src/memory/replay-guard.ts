import { type Clock, systemClock } from "../ports/clock.js";
import type { ReplayGuard } from "../ports/replay-guard.js";

/** Below this many recorded pairs, expired ones are only forgotten when their pair is claimed again. */
const SWEEP_MIN_SIZE = 1024;

export function createMemoryReplayGuard(clock: Clock = systemClock): ReplayGuard {
  // A JSON array as the key keeps ("a:b", "c") and ("a", "b:c") apart.
  const expiryByPair = new Map<string, number>();
  let sweepAtSize = SWEEP_MIN_SIZE;

  // Sweeping only when the map has doubled since the last sweep keeps each claim amortised O(1).
  function forgetExpired(now: number): void {
    for (const [pair, expiresAt] of expiryByPair) {
      if (expiresAt < now) expiryByPair.delete(pair);
    }
    sweepAtSize = Math.max(SWEEP_MIN_SIZE, expiryByPair.size * 2);
  }

  return {
    async claim(issuer, jti, expiresAt) {
      const now = clock.now().getTime();
      if (expiryByPair.size >= sweepAtSize) forgetExpired(now);
      const pair = JSON.stringify([issuer, jti]);
      const recorded = expiryByPair.get(pair);
      if (recorded !== undefined && recorded >= now) return false;
      expiryByPair.set(pair, expiresAt.getTime());
      return true;
    },
    async isClaimed(issuer, jti) {
      const recorded = expiryByPair.get(JSON.stringify([issuer, jti]));
      return recorded !== undefined && recorded >= clock.now().getTime();
    },
  };
}
