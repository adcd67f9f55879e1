import { describe, expect, it } from "vitest";
import { estimatedSecretBits } from "../src/admin/imported-client-secret.js";
import { BOOTSTRAP_ADMIN } from "../src/domain/admin-actor.js";
import { ConflictError } from "../src/errors/admin-errors.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness } from "./support/harness.js";

const WSO2_SECRET = "f3Jk9LmQ2rT8vWx4Zb6Nc1Pd5Hs7Ge0A"; // 33 characters of three classes

describe("a client moved from another server", () => {
  it("keeps its client_id and secret: the secret authenticates, is stored hashed, and is never echoed", async () => {
    const h = await createHarness();
    const { client, clientSecret } = await h.engine.clients.create(BOOTSTRAP_ADMIN, {
      clientId: "wso2-orders-app",
      clientSecret: WSO2_SECRET,
      grantTypes: ["urn:ietf:params:oauth:grant-type:jwt-bearer"],
    });
    expect(client.clientId).toBe("wso2-orders-app");
    expect(clientSecret).toBe(null);
    expect(JSON.stringify(await h.storage.clients.findById("wso2-orders-app"))).not.toContain(WSO2_SECRET);
    await expect(
      h.engine.authenticateClient({ basic: { clientId: "wso2-orders-app", clientSecret: WSO2_SECRET } }),
    ).resolves.toMatchObject({ clientId: "wso2-orders-app" });
    await expectOAuthError(
      h.engine.authenticateClient({
        basic: { clientId: "wso2-orders-app", clientSecret: `${WSO2_SECRET}x` },
      }),
      "invalid_client",
      "client_secret_invalid",
    );
  });

  it("refuses a secret under 128 bits of estimated entropy, or with few distinct characters", async () => {
    const h = await createHarness();
    for (const secret of [
      "0123456789abcdef01234567",
      "password-password-password-password",
      "a".repeat(200),
      "has space in it 0123456789ABCDEFGHIJ",
    ]) {
      const error = await expectOAuthError(
        h.engine.clients.create(BOOTSTRAP_ADMIN, { clientId: "weak", clientSecret: secret }),
        "invalid_request",
        "invalid_field",
      );
      expect(error.field).toEqual(["client_secret"]);
    }
    await expect(h.engine.clients.get("weak")).rejects.toThrow();
    // The stated rule: length × log2 of the classes used.
    expect(Math.round(estimatedSecretBits("0123456789abcdef0123456789abcdef"))).toBe(165);
    expect(Math.round(estimatedSecretBits("AbCdEfGhIjKlMnOpQrStUv"))).toBe(125);
    await h.engine.clients.create(BOOTSTRAP_ADMIN, {
      clientId: "hex",
      clientSecret: "0123456789abcdef0123456789abcdef",
    });
  });

  it("refuses a secret for a client without one, a bad client_id, and a taken one", async () => {
    const h = await createHarness();
    const noSecret = await expectOAuthError(
      h.engine.clients.create(BOOTSTRAP_ADMIN, {
        tokenEndpointAuthMethod: "none",
        clientSecret: WSO2_SECRET,
      }),
      "invalid_request",
    );
    expect(noSecret.field).toEqual(["client_secret"]);
    for (const clientId of ["", "has space", "x".repeat(256), "ünïcode"]) {
      const error = await expectOAuthError(
        h.engine.clients.create(BOOTSTRAP_ADMIN, { clientId }),
        "invalid_request",
      );
      expect(error.field).toEqual(["client_id"]);
    }
    await expect(
      h.engine.clients.create(BOOTSTRAP_ADMIN, { clientId: h.client.clientId }),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});
