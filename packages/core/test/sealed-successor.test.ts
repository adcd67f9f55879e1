import { base64url } from "jose";
import { describe, expect, it } from "vitest";
import { newRefreshToken } from "../src/tokens/refresh-token-value.js";
import { sealSuccessor, unsealSuccessor } from "../src/tokens/sealed-successor.js";
import { sha256 } from "../src/util/sha256.js";

describe("sealed successor", () => {
  it("unseals with the spent token that sealed it", async () => {
    const spent = newRefreshToken();
    const successor = newRefreshToken();
    expect(await unsealSuccessor(spent, await sealSuccessor(spent, successor))).toBe(successor);
  });

  it("does not unseal with another token, nor with the spent token's stored hash", async () => {
    const spent = newRefreshToken();
    const sealed = await sealSuccessor(spent, newRefreshToken());
    expect(await unsealSuccessor(newRefreshToken(), sealed)).toBeNull();
    expect(await unsealSuccessor(await sha256(spent), sealed)).toBeNull();
  });

  it("refuses a tampered, truncated or malformed seal", async () => {
    const spent = newRefreshToken();
    const bytes = base64url.decode(await sealSuccessor(spent, newRefreshToken()));
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(await unsealSuccessor(spent, base64url.encode(bytes))).toBeNull();
    expect(await unsealSuccessor(spent, base64url.encode(bytes.slice(0, 12)))).toBeNull();
    expect(await unsealSuccessor(spent, "not base64url!")).toBeNull();
  });

  it("seals the same successor differently each time (a fresh IV)", async () => {
    const spent = newRefreshToken();
    const successor = newRefreshToken();
    expect(await sealSuccessor(spent, successor)).not.toBe(await sealSuccessor(spent, successor));
  });
});
