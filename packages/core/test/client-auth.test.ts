import { describe, expect, it } from "vitest";
import { JWT_BEARER_CLIENT_ASSERTION_TYPE } from "../src/client-auth/client-credentials.js";
import { presentedClientId } from "../src/client-auth/presented-client-id.js";
import { signTestJws } from "../src/testing/sign-test-jws.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness, SERVER, sharedTestKey, TOKEN_ENDPOINT } from "./support/harness.js";

describe("client_secret_basic and client_secret_post", () => {
  it("authenticates with the right secret", async () => {
    const h = await createHarness();
    const client = await h.engine.authenticateClient({
      basic: { clientId: h.client.clientId, clientSecret: h.clientSecret },
    });
    expect(client.clientId).toBe(h.client.clientId);
  });

  it("refuses a wrong secret, an unknown client, and a secret with one character changed", async () => {
    const h = await createHarness();
    const id = h.client.clientId;
    await expectOAuthError(
      h.engine.authenticateClient({ basic: { clientId: id, clientSecret: "nope" } }),
      "invalid_client",
      "client_secret_invalid",
    );
    await expectOAuthError(
      h.engine.authenticateClient({ basic: { clientId: "ghost", clientSecret: h.clientSecret } }),
      "invalid_client",
      "client_unknown",
    );
    const altered = `${h.clientSecret.slice(0, -1)}${h.clientSecret.endsWith("A") ? "B" : "A"}`;
    await expectOAuthError(
      h.engine.authenticateClient({ basic: { clientId: id, clientSecret: altered } }),
      "invalid_client",
    );
  });

  it("refuses the method the client is not registered with, naming its method only to one with the secret", async () => {
    const h = await createHarness();
    const rightSecret = await expectOAuthError(
      h.engine.authenticateClient({ clientId: h.client.clientId, clientSecret: h.clientSecret }),
      "invalid_client",
      "client_auth_method_mismatch",
    );
    expect(rightSecret.description).toBe("this client authenticates with HTTP Basic (client_secret_basic)");
    const wrongSecret = await expectOAuthError(
      h.engine.authenticateClient({ clientId: h.client.clientId, clientSecret: `${h.clientSecret}x` }),
      "invalid_client",
      "client_auth_method_mismatch",
    );
    expect(wrongSecret.description).toBe("client authentication failed");
    const post = await createHarness({ client: { tokenEndpointAuthMethod: "client_secret_post" } });
    const basic = await expectOAuthError(
      post.engine.authenticateClient({
        basic: { clientId: post.client.clientId, clientSecret: post.clientSecret },
      }),
      "invalid_client",
    );
    expect(basic.description).toBe(
      "this client authenticates with client_id and client_secret in the form body (client_secret_post)",
    );
  });

  it("authenticates client_secret_post clients from the body", async () => {
    const h = await createHarness({ client: { tokenEndpointAuthMethod: "client_secret_post" } });
    await expect(
      h.engine.authenticateClient({ clientId: h.client.clientId, clientSecret: h.clientSecret }),
    ).resolves.toMatchObject({ clientId: h.client.clientId, authMethod: "client_secret_post" });
  });

  it("refuses two methods in one request", async () => {
    const h = await createHarness();
    const basic = { clientId: h.client.clientId, clientSecret: h.clientSecret };
    await expectOAuthError(
      h.engine.authenticateClient({ basic, clientId: basic.clientId, clientSecret: basic.clientSecret }),
      "invalid_request",
      "multiple_client_auth",
    );
    await expectOAuthError(
      h.engine.authenticateClient({
        basic,
        clientAssertion: "a.b.c",
        clientAssertionType: JWT_BEARER_CLIENT_ASSERTION_TYPE,
      }),
      "invalid_request",
      "multiple_client_auth",
    );
  });

  it("refuses a request with no client authentication", async () => {
    const h = await createHarness();
    await expectOAuthError(h.engine.authenticateClient({}), "invalid_client", "client_auth_missing");
  });

  it("refuses a body client_id that differs from the Basic one", async () => {
    const h = await createHarness();
    await expectOAuthError(
      h.engine.authenticateClient({
        basic: { clientId: h.client.clientId, clientSecret: h.clientSecret },
        clientId: "other",
      }),
      "invalid_request",
    );
  });
});

describe("none (public clients)", () => {
  it("identifies a public client by client_id alone", async () => {
    const h = await createHarness({ client: { tokenEndpointAuthMethod: "none" } });
    expect(h.clientSecret).toBe("");
    await expect(h.engine.authenticateClient({ clientId: h.client.clientId })).resolves.toMatchObject({
      authMethod: "none",
    });
  });

  it("does not let a confidential client skip its secret", async () => {
    const h = await createHarness();
    await expectOAuthError(
      h.engine.authenticateClient({ clientId: h.client.clientId }),
      "invalid_client",
      "client_auth_method_mismatch",
    );
  });
});

describe("private_key_jwt (RFC 7523 §2.2)", () => {
  async function keyClient() {
    const clientKey = await sharedTestKey("ES256", "client-key");
    const h = await createHarness({
      client: { tokenEndpointAuthMethod: "private_key_jwt", jwks: { keys: [clientKey.publicJwk] } },
    });
    let n = 0;
    const clientAssertion = (overrides: Record<string, unknown> = {}, signer = clientKey) => {
      const now = h.clock.nowSeconds();
      n += 1;
      return signTestJws(
        signer,
        {
          iss: h.client.clientId,
          sub: h.client.clientId,
          aud: TOKEN_ENDPOINT,
          iat: now,
          exp: now + 60,
          jti: `c-${n}`,
          ...overrides,
        },
        { kid: signer.publicJwk.kid },
      );
    };
    const authenticate = async (assertion: string) =>
      h.engine.authenticateClient({
        clientAssertion: assertion,
        clientAssertionType: JWT_BEARER_CLIENT_ASSERTION_TYPE,
      });
    return { h, clientAssertion, authenticate };
  }

  it("authenticates a client assertion signed with the client's key", async () => {
    const { h, clientAssertion, authenticate } = await keyClient();
    await expect(authenticate(await clientAssertion())).resolves.toMatchObject({
      clientId: h.client.clientId,
    });
    await expect(authenticate(await clientAssertion({ aud: SERVER }))).resolves.toMatchObject({
      clientId: h.client.clientId,
    });
  });

  it("refuses a replayed client assertion", async () => {
    const { clientAssertion, authenticate } = await keyClient();
    const assertion = await clientAssertion();
    await authenticate(assertion);
    await expectOAuthError(authenticate(assertion), "invalid_client", "client_assertion_replayed");
  });

  it("refuses a wrong audience, a sub other than the client, a missing jti, an expired one, another key", async () => {
    const { clientAssertion, authenticate } = await keyClient();
    const stranger = await sharedTestKey("ES256", "client-key-2");
    await expectOAuthError(
      authenticate(await clientAssertion({ aud: "https://other.example" })),
      "invalid_client",
    );
    await expectOAuthError(authenticate(await clientAssertion({ sub: "someone" })), "invalid_client");
    await expectOAuthError(authenticate(await clientAssertion({ jti: undefined })), "invalid_client");
    await expectOAuthError(authenticate(await clientAssertion({ exp: 1 })), "invalid_client");
    await expectOAuthError(
      authenticate(
        await clientAssertion({}, { ...stranger, publicJwk: { ...stranger.publicJwk, kid: "client-key" } }),
      ),
      "invalid_client",
    );
  });

  it("refuses a client assertion for a client registered with a secret", async () => {
    const h = await createHarness();
    const key = await sharedTestKey("ES256", "client-key");
    const now = h.clock.nowSeconds();
    const assertion = await signTestJws(key, {
      iss: h.client.clientId,
      sub: h.client.clientId,
      aud: TOKEN_ENDPOINT,
      exp: now + 60,
      jti: "x",
    });
    await expectOAuthError(
      h.engine.authenticateClient({
        clientAssertion: assertion,
        clientAssertionType: JWT_BEARER_CLIENT_ASSERTION_TYPE,
      }),
      "invalid_client",
      "client_auth_method_mismatch",
    );
  });

  it("requires the jwt-bearer client assertion type", async () => {
    const { clientAssertion, h } = await keyClient();
    await expectOAuthError(
      h.engine.authenticateClient({
        clientAssertion: await clientAssertion(),
        clientAssertionType: "urn:other",
      }),
      "invalid_request",
    );
  });
});

describe("the client a request claims to be, before authentication", () => {
  it("is the Basic user, the client_id parameter, or the iss of a readable client assertion", async () => {
    const key = await sharedTestKey("ES256", "client-key");
    const assertion = await signTestJws(key, { iss: "by-assertion", sub: "by-assertion" });
    expect(presentedClientId({ basic: { clientId: "by-basic", clientSecret: "s" } }, 16384)).toBe("by-basic");
    expect(presentedClientId({ clientId: "by-post", clientSecret: "s" }, 16384)).toBe("by-post");
    expect(presentedClientId({ clientAssertion: assertion }, 16384)).toBe("by-assertion");
    expect(presentedClientId({ clientId: "named", clientAssertion: assertion }, 16384)).toBe("named");
    expect(presentedClientId({ clientAssertion: "not.a.jws" }, 16384)).toBeUndefined();
    expect(presentedClientId({ clientAssertion: assertion }, 10)).toBeUndefined();
    expect(presentedClientId({}, 16384)).toBeUndefined();
  });
});
