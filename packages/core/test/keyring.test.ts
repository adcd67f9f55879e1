import { describe, expect, it } from "vitest";
import {
  createKeyring,
  isSealedValue,
  KeyringError,
  openSealedValue,
  parseSecretList,
  sealValue,
  shortSecretMessage,
} from "../src/index.js";

const OLD = "old-secret-0123456789abcdef0123456789";
const NEW = "new-secret-0123456789abcdef0123456789";
const OTHER = "another-installation-secret-0123456789";
const PLAINTEXT = JSON.stringify({ kty: "EC", d: "private-scalar" });

describe("keyring", () => {
  it("seals so that the ciphertext shows nothing of the plaintext, and opens it again", async () => {
    const keyring = await createKeyring([NEW]);
    const sealed = await sealValue(keyring, PLAINTEXT, "signing_keys/kid-1");
    expect(isSealedValue(sealed)).toBe(true);
    expect(JSON.stringify(sealed)).not.toContain("private-scalar");
    expect(sealed.kek).toBe(keyring.sealing.id);
    expect(await openSealedValue(keyring, sealed, "signing_keys/kid-1")).toBe(PLAINTEXT);
  });

  it("uses a fresh nonce for every seal", async () => {
    const keyring = await createKeyring([NEW]);
    const [a, b] = await Promise.all([
      sealValue(keyring, PLAINTEXT, "c"),
      sealValue(keyring, PLAINTEXT, "c"),
    ]);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
  });

  it("derives the same key id from the same secret, and a different one from another secret", async () => {
    const [a, b, c] = await Promise.all([createKeyring([NEW]), createKeyring([NEW]), createKeyring([OLD])]);
    expect(a.sealing.id).toBe(b.sealing.id);
    expect(a.sealing.id).not.toBe(c.sealing.id);
    expect(a.sealing.id).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(NEW).not.toContain(a.sealing.id);
  });

  it("rotates: the first secret seals, every listed secret opens", async () => {
    const before = await createKeyring([OLD]);
    const sealedByOld = await sealValue(before, PLAINTEXT, "c");
    const rotated = await createKeyring([NEW, OLD]);
    expect(await openSealedValue(rotated, sealedByOld, "c")).toBe(PLAINTEXT);
    const resealed = await sealValue(rotated, PLAINTEXT, "c");
    expect(resealed.kek).toBe((await createKeyring([NEW])).sealing.id);
    expect(await openSealedValue(await createKeyring([NEW]), resealed, "c")).toBe(PLAINTEXT);
  });

  it("refuses to open a value sealed under a secret it does not hold, naming only the key id", async () => {
    const sealed = await sealValue(await createKeyring([OTHER]), PLAINTEXT, "c");
    const opening = openSealedValue(await createKeyring([NEW]), sealed, "c");
    await expect(opening).rejects.toBeInstanceOf(KeyringError);
    await expect(opening).rejects.toMatchObject({ code: "unknown_secret" });
    await expect(opening).rejects.toThrow(`secret with key id ${sealed.kek}, which is not among`);
  });

  it("refuses a value moved to another context, or altered", async () => {
    const keyring = await createKeyring([NEW]);
    const sealed = await sealValue(keyring, PLAINTEXT, "signing_keys/kid-1");
    await expect(openSealedValue(keyring, sealed, "signing_keys/kid-2")).rejects.toMatchObject({
      name: "KeyringError",
      code: "not_authentic",
    });
    const flipped = `${sealed.ct.slice(0, -2)}${sealed.ct.endsWith("AA") ? "BA" : "AA"}`;
    await expect(
      openSealedValue(keyring, { ...sealed, ct: flipped }, "signing_keys/kid-1"),
    ).rejects.toMatchObject({ code: "not_authentic" });
  });

  it("refuses short secrets and an empty list", async () => {
    await expect(createKeyring([])).rejects.toThrow(TypeError);
    await expect(createKeyring([NEW, "short"])).rejects.toThrow("secret 2 is shorter than 32 characters");
  });

  it("counts a secret listed twice once, keeping the first as the sealing one", async () => {
    const keyring = await createKeyring([NEW, OLD, NEW]);
    expect([...keyring.keys.keys()]).toEqual([
      (await createKeyring([NEW])).sealing.id,
      (await createKeyring([OLD])).sealing.id,
    ]);
  });

  it("tells a sealed value from anything else", () => {
    expect(isSealedValue({ kty: "EC", d: "x" })).toBe(false);
    expect(isSealedValue({ v: 2, kek: "a", iv: "b", ct: "c" })).toBe(false);
    expect(isSealedValue({ v: 1, kek: "a", iv: "b", ct: "c", d: "x" })).toBe(false);
    expect(isSealedValue({ v: 1, kek: "a", iv: "b", ct: "c" })).toBe(true);
  });
});

describe("parseSecretList", () => {
  it("trims each entry of a comma-separated list", () => {
    expect(parseSecretList(` ${"a".repeat(32)} ,${"b".repeat(40)}`)).toEqual({
      ok: true,
      secrets: ["a".repeat(32), "b".repeat(40)],
    });
  });

  it("names the first entry that is too short by position, never by value", () => {
    expect(parseSecretList(`${"a".repeat(32)},${"b".repeat(31)},x`)).toEqual({ ok: false, shortEntry: 2 });
    expect(parseSecretList(`${"a".repeat(32)},`)).toEqual({ ok: false, shortEntry: 2 });
    expect(shortSecretMessage("JWTGRANT_SECRETS", 2)).toBe(
      "JWTGRANT_SECRETS: expected comma-separated secrets of at least 32 characters each; entry 2 is shorter",
    );
  });
});
