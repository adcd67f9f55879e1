import { describe, expect, it } from "vitest";
import { createAdminHarness, NOW } from "./admin-harness.js";

interface KeyView {
  kid: string;
  status: string;
}

/** Any private member a JWK could carry, anywhere in a body. */
const PRIVATE_MEMBER = /"(d|p|q|dp|dq|qi|oth|k|private_?jwk|privateJwk)"\s*:/i;

describe("admin API: signing keys", () => {
  it("lists the keys with their public half only", async () => {
    const { request, engine } = createAdminHarness();
    expect((await request("GET", "/keys")).json()).toStrictEqual({ items: [] });
    const active = await engine.ensureSigningKey();
    const listed = await request("GET", "/keys");
    expect(listed.status).toBe(200);
    expect(listed.headers.get("cache-control")).toBe("no-store");
    expect(listed.json()).toStrictEqual({
      items: [
        {
          kid: active.kid,
          alg: "ES256",
          status: "active",
          created_at: NOW,
          publish_until: null,
          public_jwk: { ...active.publicJwk },
        },
      ],
    });
    expect(listed.text).not.toMatch(PRIVATE_MEMBER);
  });

  it("rotates with 201 and the new key, keeping the old one published for a while", async () => {
    const { request, engine } = createAdminHarness();
    const old = await engine.ensureSigningKey();
    const rotated = await request("POST", "/keys/rotate");
    expect(rotated.status).toBe(201);
    expect(rotated.text).not.toMatch(PRIVATE_MEMBER);
    expect(rotated.json()).toStrictEqual({
      kid: expect.any(String),
      alg: "ES256",
      status: "active",
      created_at: NOW,
      publish_until: null,
      public_jwk: expect.objectContaining({
        kty: "EC",
        crv: "P-256",
        x: expect.any(String),
        y: expect.any(String),
      }),
    });
    const fresh = rotated.json<KeyView>();
    expect(fresh.kid).not.toBe(old.kid);

    const listed = await request("GET", "/keys");
    expect(listed.text).not.toMatch(PRIVATE_MEMBER);
    const items = listed.json<{ items: (KeyView & { publish_until: string | null })[] }>().items;
    expect(items).toHaveLength(2);
    expect(items.find((key) => key.kid === fresh.kid)?.status).toBe("active");
    const retired = items.find((key) => key.kid === old.kid);
    expect(retired?.status).toBe("retired");
    expect(retired?.publish_until).toEqual(expect.any(String));
  });

  it("rotates even when no key exists yet", async () => {
    const { request } = createAdminHarness();
    expect((await request("POST", "/keys/rotate")).status).toBe(201);
    expect(
      (await request("GET", "/keys")).json<{ items: KeyView[] }>().items.map((key) => key.status),
    ).toContain("active");
  });
});
