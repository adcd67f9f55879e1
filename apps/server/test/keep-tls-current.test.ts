import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { LogLevel } from "../src/config/server-config.js";
import { createTestTls, type TestTls } from "../src/testing/test-tls.js";
import { keepTlsCurrent } from "../src/tls/keep-tls-current.js";
import { readTlsMaterial, type TlsMaterial } from "../src/tls/read-tls-material.js";
import { eventually, mountSecret } from "./support/tls-files.js";

let first: TestTls;
let second: TestTls;
let third: TestTls;

beforeAll(async () => {
  [first, second, third] = await Promise.all([
    createTestTls("first"),
    createTestTls("second"),
    createTestTls("third"),
  ]);
});

interface LogEntry {
  readonly level: LogLevel;
  readonly msg: string;
  readonly fields: Record<string, unknown> | undefined;
}

async function setUp(options: { swapFails?: boolean } = {}) {
  const mount = await mountSecret(first);
  const swapped: TlsMaterial[] = [];
  const logs: LogEntry[] = [];
  let sighup: (() => void) | undefined;
  const reloads = keepTlsCurrent({
    files: mount,
    served: readTlsMaterial(mount),
    swap: async (material) => {
      if (options.swapFails) throw new Error("the runtime refused it");
      swapped.push(material);
    },
    log: (level, msg, fields) => logs.push({ level, msg, fields }),
    onSighup: (handler) => {
      sighup = handler;
    },
    debounceMs: 20,
  });
  // A watch event may land mid-rotation and find nothing new yet: that is a debug line, left out here.
  const notable = () => logs.filter((entry) => entry.level !== "debug");
  return { mount, swapped, logs, notable, reloads, sighup: () => sighup?.() };
}

describe("keeping the served certificate current", () => {
  it("swaps in a certificate rotated the way Kubernetes rotates a secret, and logs it", async () => {
    const { mount, swapped, notable, reloads } = await setUp();
    try {
      await mount.rotate(second);
      await eventually(
        async () => swapped.length,
        (count) => count === 1,
      );
      expect(swapped[0]?.fingerprint).toBe(second.fingerprint);
      await eventually(
        async () => notable().length,
        (count) => count === 1,
      );
      expect(notable()[0]).toEqual({
        level: "info",
        msg: "tls certificate reloaded",
        fields: { trigger: "file change", fingerprint: second.fingerprint, notAfter: expect.any(String) },
      });
    } finally {
      reloads.close();
    }
  });

  it("keeps the previous certificate when the new pair does not match, with one error line", async () => {
    const { mount, swapped, notable, reloads } = await setUp();
    try {
      await mount.rotate({ cert: second.cert, key: third.key });
      await eventually(
        async () => notable().length,
        (count) => count === 1,
      );
      expect(notable()[0]).toMatchObject({
        level: "error",
        msg: "tls reload failed, still serving the previous certificate",
        fields: {
          trigger: "file change",
          error: expect.stringMatching(/^JWTGRANT_TLS_KEY_FILE: .+ does not belong/),
        },
      });
      expect(swapped).toEqual([]);
    } finally {
      reloads.close();
    }
  });

  it("counts a swap the runtime refuses as a failed reload, and tries again at the next trigger", async () => {
    const { mount, notable, reloads } = await setUp({ swapFails: true });
    try {
      await mount.rotate(second);
      await eventually(
        async () => notable().length,
        (count) => count === 1,
      );
      await reloads.reload("SIGHUP");
      expect(notable().map((entry) => [entry.level, entry.fields])).toEqual([
        ["error", { trigger: "file change", error: "the runtime refused it" }],
        ["error", { trigger: "SIGHUP", error: "the runtime refused it" }],
      ]);
    } finally {
      reloads.close();
    }
  });

  it("reloads on SIGHUP a change its watch cannot see, and does nothing when nothing changed", async () => {
    const { mount, swapped, logs, reloads, sighup } = await setUp();
    try {
      await reloads.reload("SIGHUP");
      expect(swapped).toEqual([]);
      expect(logs).toEqual([
        { level: "debug", msg: "tls certificate unchanged", fields: { trigger: "SIGHUP" } },
      ]);
      // Written in place inside the version directory: the watch is on the mount's directory, not below it.
      await writeFile(join(mount.current(), "tls.crt"), second.cert);
      await writeFile(join(mount.current(), "tls.key"), second.key);
      sighup();
      await eventually(
        async () => swapped.length,
        (count) => count === 1,
      );
      expect(swapped[0]?.fingerprint).toBe(second.fingerprint);
    } finally {
      reloads.close();
    }
  });

  it("reloads nothing once closed", async () => {
    const { mount, swapped, reloads } = await setUp();
    reloads.close();
    await mount.rotate(second);
    await reloads.reload("SIGHUP");
    expect(swapped).toEqual([]);
  });
});
