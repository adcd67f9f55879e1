import { createEngine, createMemoryStorage } from "@jwtgrant/core";
import { createFrozenClock } from "@jwtgrant/core/testing";
import { describe, expect, it, vi } from "vitest";
import { rotateKeysOnSchedule } from "../src/rotate-keys-on-schedule.js";

describe("rotateKeysOnSchedule", () => {
  it("rotates a key that is due at once, logs it, and leaves a fresh one alone", async () => {
    const clock = createFrozenClock();
    const engine = createEngine(
      { storage: createMemoryStorage({ clock }), clock },
      { issuer: "https://as.example.com" },
    );
    const initial = await engine.ensureSigningKey();
    const logs: unknown[][] = [];
    const log = (...entry: unknown[]) => logs.push(entry);

    const checks: Promise<unknown>[] = [];
    const watched = {
      ...engine,
      signingKeys: {
        ...engine.signingKeys,
        rotateIfOlderThan: (maxAgeSeconds: number) => {
          const check = engine.signingKeys.rotateIfOlderThan(maxAgeSeconds);
          checks.push(check);
          return check;
        },
      },
    };
    const stopFresh = rotateKeysOnSchedule(watched, 7, log);
    stopFresh();
    expect(await Promise.all(checks)).toEqual([null]);
    expect((await engine.signingKeys.list()).map((key) => key.kid)).toEqual([initial.kid]);
    expect(logs).toEqual([]);

    clock.advance(7 * 86_400);
    const stop = rotateKeysOnSchedule(engine, 7, log);
    await vi.waitFor(() => expect(logs).toHaveLength(1));
    stop();
    const [active, retired] = await engine.signingKeys.list();
    expect(retired).toMatchObject({ kid: initial.kid, status: "retired" });
    expect(logs).toEqual([["info", "rotated the signing key on schedule", { kid: active?.kid, days: 7 }]]);
  });
});
