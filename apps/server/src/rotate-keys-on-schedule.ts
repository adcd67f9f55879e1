import type { Engine } from "@jwtgrant/core";
import type { JsonLogger } from "./json-logger.js";

/** How often each instance looks whether the active key is due: an hour, or the period if shorter. */
const CHECK_INTERVAL_MS = 3_600_000;

/**
 * Rotates the signing key whenever the active one is `days` old, looking at start-up and every hour. Every
 * instance looks; the storage lets exactly one rotate from a given key, so the cluster makes one rotation
 * per period. Returns the function that stops the schedule.
 */
export function rotateKeysOnSchedule(engine: Engine, days: number, log: JsonLogger["log"]): () => void {
  const maxAgeSeconds = days * 86_400;
  const check = () => {
    engine.signingKeys.rotateIfOlderThan(maxAgeSeconds).then(
      (rotated) => {
        if (rotated !== null) log("info", "rotated the signing key on schedule", { kid: rotated.kid, days });
      },
      (error: unknown) => log("warn", "scheduled key rotation failed", { error: String(error) }),
    );
  };
  check();
  const timer = setInterval(check, Math.min(CHECK_INTERVAL_MS, maxAgeSeconds * 1000));
  timer.unref?.();
  return () => clearInterval(timer);
}
