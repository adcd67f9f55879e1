import { describe, expect, it } from "vitest";
import { BOOTSTRAP_ADMIN } from "../src/domain/admin-actor.js";
import { JWT_BEARER_GRANT } from "../src/domain/client.js";
import { NotFoundError } from "../src/errors/admin-errors.js";
import { CLIENT_SECRET_PREFIX } from "../src/tokens/client-secret-value.js";
import { sha256 } from "../src/util/sha256.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness, sharedTestKey } from "./support/harness.js";

describe("admin: clients", () => {
  it("generates a client id and a secret of at least 256 bits, keeping only its hash", async () => {
    const h = await createHarness();
    const { client, clientSecret } = await h.engine.clients.create(BOOTSTRAP_ADMIN, { clientName: "ci" });
    expect(clientSecret?.startsWith(CLIENT_SECRET_PREFIX)).toBe(true);
    expect((clientSecret?.length ?? 0) - CLIENT_SECRET_PREFIX.length).toBeGreaterThanOrEqual(43);
    const stored = await h.storage.clients.findById(client.clientId);
    expect(JSON.stringify(stored)).not.toContain(clientSecret);
    expect(stored?.secretHash).toBe(await sha256(clientSecret ?? ""));
  });

  it("defaults to the jwt-bearer grant and client_secret_basic", async () => {
    const h = await createHarness();
    const { client } = await h.engine.clients.create(BOOTSTRAP_ADMIN, {});
    expect(client).toMatchObject({
      grantTypes: [JWT_BEARER_GRANT],
      authMethod: "client_secret_basic",
      scope: [],
    });
  });

  it("rotates the secret: the old one stops working", async () => {
    const h = await createHarness();
    const { clientSecret } = await h.engine.clients.rotateSecret(BOOTSTRAP_ADMIN, h.client.clientId);
    const id = h.client.clientId;
    await expectOAuthError(
      h.engine.authenticateClient({ basic: { clientId: id, clientSecret: h.clientSecret } }),
      "invalid_client",
    );
    await expect(
      h.engine.authenticateClient({ basic: { clientId: id, clientSecret: clientSecret ?? "" } }),
    ).resolves.toMatchObject({ clientId: id });
  });

  it("requires keys for private_key_jwt and refuses them otherwise", async () => {
    const h = await createHarness();
    const key = await sharedTestKey("ES256");
    await expectOAuthError(
      h.engine.clients.create(BOOTSTRAP_ADMIN, { tokenEndpointAuthMethod: "private_key_jwt" }),
      "invalid_request",
    );
    await expectOAuthError(
      h.engine.clients.create(BOOTSTRAP_ADMIN, { jwks: { keys: [key.publicJwk] } }),
      "invalid_request",
    );
    const { client, clientSecret } = await h.engine.clients.create(BOOTSTRAP_ADMIN, {
      tokenEndpointAuthMethod: "private_key_jwt",
      jwks: { keys: [key.publicJwk] },
    });
    expect(clientSecret).toBeNull();
    expect(client.secretHash).toBeNull();
    await expectOAuthError(
      h.engine.clients.rotateSecret(BOOTSTRAP_ADMIN, client.clientId),
      "invalid_request",
    );
  });

  it("validates fields", async () => {
    const h = await createHarness();
    await expectOAuthError(
      h.engine.clients.create(BOOTSTRAP_ADMIN, { grantTypes: ["authorization_code"] }),
      "invalid_request",
    );
    await expectOAuthError(
      h.engine.clients.create(BOOTSTRAP_ADMIN, { tokenEndpointAuthMethod: "tls_client_auth" }),
      "invalid_request",
    );
    await expectOAuthError(
      h.engine.clients.create(BOOTSTRAP_ADMIN, { accessTokenTtl: 0 }),
      "invalid_request",
    );
    await expectOAuthError(
      h.engine.clients.create(BOOTSTRAP_ADMIN, { redirectUris: ["not a url"] }),
      "invalid_request",
    );
    await expectOAuthError(h.engine.clients.create(BOOTSTRAP_ADMIN, { scope: 'a "b"' }), "invalid_request");
  });

  it("refuses names and URIs that are not text", async () => {
    const h = await createHarness();
    for (const input of [
      { clientName: "ci\u0000" },
      { clientName: "ci\ud800" },
      { redirectUris: ["https://app.example/cb\u0000"] },
    ]) {
      const error = await expectOAuthError(
        h.engine.clients.create(BOOTSTRAP_ADMIN, input),
        "invalid_request",
        "invalid_field",
      );
      expect(error.description).toMatch(/^(client_name|redirect_uris): must be text/);
    }
    expect(await h.engine.clients.list()).toHaveLength(1);
  });

  it("updates, lists and deletes; unknown ids are not found", async () => {
    const h = await createHarness();
    const updated = await h.engine.clients.update(BOOTSTRAP_ADMIN, h.client.clientId, {
      clientName: "renamed",
      scope: "read",
    });
    expect(updated).toMatchObject({
      clientName: "renamed",
      scope: ["read"],
      secretHash: h.client.secretHash,
    });
    expect(await h.engine.clients.list()).toHaveLength(1);
    await h.engine.clients.delete(BOOTSTRAP_ADMIN, h.client.clientId);
    await expect(h.engine.clients.get(h.client.clientId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(h.engine.clients.update(BOOTSTRAP_ADMIN, "ghost", {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(h.engine.clients.rotateSecret(BOOTSTRAP_ADMIN, "ghost")).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
