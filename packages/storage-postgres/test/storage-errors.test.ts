import { StorageUnavailableError } from "@jwtgrant/core";
import { describe, expect, it } from "vitest";
import { guardStorage, isUnavailable } from "../src/storage-errors.js";

const workersRefusal = () => new Error("proxy request failed, cannot connect to the specified address");

describe("an outage on Workers' sockets", () => {
  it("is a refused or lost connection, though workerd gives it no code", () => {
    expect(isUnavailable(workersRefusal())).toBe(true);
    expect(isUnavailable(new Error("Network connection lost."))).toBe(true);
    expect(isUnavailable(new Error("query failed", { cause: workersRefusal() }))).toBe(true);
  });

  it("reaches core as StorageUnavailableError, and other errors pass unchanged", async () => {
    const refused = guardStorage(() =>
      Promise.reject(new Error("Failed query", { cause: workersRefusal() })),
    );
    await expect(refused).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(refused).rejects.toThrow(
      "database unavailable: proxy request failed, cannot connect to the specified address",
    );
    const bug = new TypeError("the proxy request failed to parse");
    await expect(guardStorage(() => Promise.reject(bug))).rejects.toBe(bug);
  });
});
