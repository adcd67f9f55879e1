import { describe, expect, it } from "vitest";
import { createEngine } from "../src/engine/create-engine.js";
import { createMemoryStorage } from "../src/memory/memory-storage.js";
import { createFrozenClock } from "../src/testing/frozen-clock.js";

const DAY = 86_400;

describe("scheduled signing-key rotation", () => {
  it("rotates only a key at least that old, and many instances make one rotation per period", async () => {
    const clock = createFrozenClock();
    const storage = createMemoryStorage({ clock });
    const instances = Array.from({ length: 4 }, () =>
      createEngine({ storage, clock }, { issuer: "https://as.example.com" }),
    );
    const [first] = instances;
    const initial = await first?.ensureSigningKey();
    expect(await first?.signingKeys.rotateIfOlderThan(30 * DAY)).toBe(null);

    clock.advance(30 * DAY);
    const rotations = await Promise.all(
      instances.map((engine) => engine.signingKeys.rotateIfOlderThan(30 * DAY)),
    );
    const made = rotations.filter((rotated) => rotated !== null);
    expect(made).toHaveLength(1);
    const keys = await first?.signingKeys.list();
    expect(keys?.map((key) => [key.kid, key.status])).toEqual([
      [made[0]?.kid, "active"],
      [initial?.kid, "retired"],
    ]);
    // The retired key stays published while tokens it signed may live.
    expect((await first?.publishJwks())?.keys.map((key) => key.kid)).toEqual([made[0]?.kid, initial?.kid]);
    expect(await first?.signingKeys.rotateIfOlderThan(30 * DAY)).toBe(null);
    // One audit record, the server's own.
    expect(await first?.adminAudit.list()).toMatchObject([
      {
        actor: { kind: "server", task: "key_rotation_schedule" },
        action: "signing_key.rotate",
        targetId: made[0]?.kid,
        before: { kid: initial?.kid },
        after: { kid: made[0]?.kid },
      },
    ]);
  });
});
