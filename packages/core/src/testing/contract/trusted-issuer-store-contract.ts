import { describe, expect, it } from "vitest";
import type { TrustedIssuerStore } from "../../ports/trusted-issuer-store.js";
import { minimalTrustedIssuerFixture, minutesFrom, NOW, trustedIssuerFixture } from "./fixtures.js";

export function describeTrustedIssuerStoreContract(store: () => TrustedIssuerStore): void {
  describe("TrustedIssuerStore", () => {
    const variants = [
      ["jwks with every member set", trustedIssuerFixture()],
      ["certificate with every nullable member null", minimalTrustedIssuerFixture()],
      [
        "jwks_uri",
        trustedIssuerFixture({
          id: "ti-uri",
          issuer: "https://token.actions.example.com",
          keySource: { kind: "jwks_uri", jwksUri: "https://token.actions.example.com/.well-known/jwks" },
        }),
      ],
    ] as const;

    it("finds nothing in an empty store", async () => {
      expect(await store().findById("ti-1")).toBeNull();
      expect(await store().findByIssuer("https://idp.example.com")).toBeNull();
      expect(await store().list()).toEqual([]);
    });

    it.each(variants)("round-trips every field of an issuer (%s)", async (_label, issuer) => {
      expect(await store().insert(issuer)).toBe("inserted");
      expect(await store().findById(issuer.id)).toStrictEqual(issuer);
      expect(await store().findByIssuer(issuer.issuer)).toStrictEqual(issuer);
      expect(await store().list()).toStrictEqual([issuer]);
    });

    it("finds a disabled issuer by its issuer value", async () => {
      const disabled = trustedIssuerFixture({ enabled: false });
      await store().insert(disabled);
      expect(await store().findByIssuer(disabled.issuer)).toStrictEqual(disabled);
    });

    it("matches the issuer value exactly", async () => {
      await store().insert(trustedIssuerFixture({ issuer: "https://idp.example.com" }));
      expect(await store().findByIssuer("https://idp.example.com/")).toBeNull();
      expect(await store().findByIssuer("https://IDP.example.com")).toBeNull();
      expect(await store().findByIssuer("https://idp.example")).toBeNull();
    });

    it("refuses a second issuer with the same issuer value and keeps the first", async () => {
      const first = trustedIssuerFixture();
      await store().insert(first);
      const clash = trustedIssuerFixture({ id: "ti-2", name: "Impostor" });
      expect(await store().insert(clash)).toBe("duplicate");
      expect(await store().findByIssuer(first.issuer)).toStrictEqual(first);
      expect(await store().findById("ti-2")).toBeNull();
      expect(await store().list()).toHaveLength(1);
    });

    it("refuses a second issuer with the same id and keeps the first", async () => {
      const first = trustedIssuerFixture();
      await store().insert(first);
      const clash = trustedIssuerFixture({ issuer: "https://other.example.com" });
      expect(await store().insert(clash)).toBe("duplicate");
      expect(await store().findById(first.id)).toStrictEqual(first);
      expect(await store().findByIssuer("https://other.example.com")).toBeNull();
    });

    it("lists issuers by creation time, oldest first", async () => {
      const middle = trustedIssuerFixture({ id: "ti-b", issuer: "https://b.example" });
      const newest = trustedIssuerFixture({
        id: "ti-a",
        issuer: "https://a.example",
        createdAt: minutesFrom(NOW, 10),
      });
      const oldest = trustedIssuerFixture({
        id: "ti-c",
        issuer: "https://c.example",
        createdAt: minutesFrom(NOW, -10),
      });
      for (const issuer of [middle, newest, oldest]) await store().insert(issuer);
      expect(await store().list()).toStrictEqual([oldest, middle, newest]);
    });

    it("replaces every field on update, including the issuer value", async () => {
      await store().insert(trustedIssuerFixture());
      const replacement = minimalTrustedIssuerFixture({ id: "ti-1", issuer: "https://renamed.example.com" });
      expect(await store().update(replacement)).toBe("updated");
      expect(await store().findById("ti-1")).toStrictEqual(replacement);
      expect(await store().findByIssuer("https://renamed.example.com")).toStrictEqual(replacement);
      expect(await store().findByIssuer("https://idp.example.com")).toBeNull();
      expect(await store().list()).toStrictEqual([replacement]);
    });

    it("updates a record that keeps its own issuer value", async () => {
      await store().insert(trustedIssuerFixture());
      const replacement = trustedIssuerFixture({ enabled: false, scope: ["read"] });
      expect(await store().update(replacement)).toBe("updated");
      expect(await store().findByIssuer(replacement.issuer)).toStrictEqual(replacement);
    });

    it("reports not_found when updating an unknown id and inserts nothing", async () => {
      expect(await store().update(trustedIssuerFixture())).toBe("not_found");
      expect(await store().findById("ti-1")).toBeNull();
      expect(await store().list()).toEqual([]);
    });

    it("reports duplicate when an update takes another record's issuer value, changing neither", async () => {
      const first = trustedIssuerFixture();
      const second = minimalTrustedIssuerFixture();
      await store().insert(first);
      await store().insert(second);
      expect(await store().update({ ...second, issuer: first.issuer })).toBe("duplicate");
      expect(await store().findById(first.id)).toStrictEqual(first);
      expect(await store().findById(second.id)).toStrictEqual(second);
      expect(await store().findByIssuer(first.issuer)).toStrictEqual(first);
    });

    it("deletes a record, after which it is gone by id and by issuer", async () => {
      const kept = minimalTrustedIssuerFixture();
      await store().insert(trustedIssuerFixture());
      await store().insert(kept);
      expect(await store().delete("ti-1")).toBe(true);
      expect(await store().findById("ti-1")).toBeNull();
      expect(await store().findByIssuer("https://idp.example.com")).toBeNull();
      expect(await store().list()).toStrictEqual([kept]);
      expect(await store().delete("ti-1")).toBe(false);
    });

    it("reports false when deleting an unknown id", async () => {
      expect(await store().delete("ti-unknown")).toBe(false);
    });

    it("frees the issuer value of a deleted record", async () => {
      await store().insert(trustedIssuerFixture());
      await store().delete("ti-1");
      const successor = trustedIssuerFixture({ id: "ti-2" });
      expect(await store().insert(successor)).toBe("inserted");
      expect(await store().findByIssuer(successor.issuer)).toStrictEqual(successor);
    });

    it("is not affected by later changes to the inserted or returned objects", async () => {
      const subjects = ["alice"];
      const issuer = trustedIssuerFixture({ subjectRule: { kind: "listed", subjects } });
      await store().insert(issuer);
      subjects.push("mallory");
      issuer.createdAt.setTime(0);
      const found = await store().findById("ti-1");
      found?.updatedAt.setTime(0);
      expect(await store().findById("ti-1")).toStrictEqual(
        trustedIssuerFixture({ subjectRule: { kind: "listed", subjects: ["alice"] } }),
      );
    });
  });
}
