import { describe, expect, it } from "vitest";
import type { ClientStore } from "../../ports/client-store.js";
import { clientFixture, minutesFrom, NOW, secretClientFixture } from "./fixtures.js";

export function describeClientStoreContract(store: () => ClientStore): void {
  describe("ClientStore", () => {
    const variants = [
      ["private_key_jwt with every member set", clientFixture()],
      ["client_secret_basic with every nullable member null", secretClientFixture()],
      [
        "jwks_uri key source",
        clientFixture({
          clientId: "client-uri",
          keySource: { kind: "jwks_uri", jwksUri: "https://app.example.com/jwks.json" },
        }),
      ],
    ] as const;

    it("finds nothing in an empty store", async () => {
      expect(await store().findById("client-1")).toBeNull();
      expect(await store().list()).toEqual([]);
    });

    it.each(variants)("round-trips every field of a client (%s)", async (_label, client) => {
      expect(await store().insert(client)).toBe("inserted");
      expect(await store().findById(client.clientId)).toStrictEqual(client);
      expect(await store().list()).toStrictEqual([client]);
    });

    it("matches the client id exactly", async () => {
      await store().insert(clientFixture({ clientId: "client-1" }));
      expect(await store().findById("Client-1")).toBeNull();
      expect(await store().findById("client-")).toBeNull();
    });

    it("refuses a second client with the same id and keeps the first", async () => {
      const first = clientFixture();
      await store().insert(first);
      expect(await store().insert(secretClientFixture({ clientId: first.clientId }))).toBe("duplicate");
      expect(await store().findById(first.clientId)).toStrictEqual(first);
      expect(await store().list()).toHaveLength(1);
    });

    it("lists clients by creation time, oldest first", async () => {
      const middle = clientFixture({ clientId: "client-b" });
      const newest = clientFixture({ clientId: "client-a", createdAt: minutesFrom(NOW, 10) });
      const oldest = clientFixture({ clientId: "client-c", createdAt: minutesFrom(NOW, -10) });
      for (const client of [middle, newest, oldest]) await store().insert(client);
      expect(await store().list()).toStrictEqual([oldest, middle, newest]);
    });

    it("replaces every field on update", async () => {
      await store().insert(clientFixture());
      const replacement = secretClientFixture({ clientId: "client-1", updatedAt: minutesFrom(NOW, 30) });
      expect(await store().update(replacement)).toBe(true);
      expect(await store().findById("client-1")).toStrictEqual(replacement);
      expect(await store().list()).toStrictEqual([replacement]);
    });

    it("reports false when updating an unknown client and inserts nothing", async () => {
      expect(await store().update(clientFixture())).toBe(false);
      expect(await store().findById("client-1")).toBeNull();
      expect(await store().list()).toEqual([]);
    });

    it("deletes a client and leaves the others", async () => {
      const kept = secretClientFixture();
      await store().insert(clientFixture());
      await store().insert(kept);
      expect(await store().delete("client-1")).toBe(true);
      expect(await store().findById("client-1")).toBeNull();
      expect(await store().list()).toStrictEqual([kept]);
      expect(await store().delete("client-1")).toBe(false);
    });

    it("reports false when deleting an unknown client", async () => {
      expect(await store().delete("client-unknown")).toBe(false);
    });

    it("frees the id of a deleted client", async () => {
      await store().insert(clientFixture());
      await store().delete("client-1");
      const successor = secretClientFixture({ clientId: "client-1" });
      expect(await store().insert(successor)).toBe("inserted");
      expect(await store().findById("client-1")).toStrictEqual(successor);
    });

    it("is not affected by later changes to the inserted or returned objects", async () => {
      const scope = ["read"];
      const client = clientFixture({ scope });
      await store().insert(client);
      scope.push("admin");
      client.createdAt.setTime(0);
      const found = await store().findById("client-1");
      found?.updatedAt.setTime(0);
      expect(await store().findById("client-1")).toStrictEqual(clientFixture({ scope: ["read"] }));
    });
  });
}
