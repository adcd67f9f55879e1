import { describe, expect, it } from "vitest";
import { JWT_BEARER_CLIENT_ASSERTION_TYPE } from "../src/client-auth/client-credentials.js";
import type { RefusalReason } from "../src/errors/refusal-reason.js";
import { signTestJws } from "../src/testing/sign-test-jws.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness, sharedTestKey, TOKEN_ENDPOINT } from "./support/harness.js";

async function keyClient() {
  const clientKey = await sharedTestKey("ES256", "client-key");
  const stranger = await sharedTestKey("ES256", "client-key-2");
  const h = await createHarness({
    client: { tokenEndpointAuthMethod: "private_key_jwt", jwks: { keys: [clientKey.publicJwk] } },
  });
  const now = h.clock.nowSeconds();
  const sign = (claims: Record<string, unknown>, header: Record<string, unknown> = {}, key = clientKey) =>
    signTestJws(
      key,
      {
        iss: h.client.clientId,
        sub: h.client.clientId,
        aud: TOKEN_ENDPOINT,
        iat: now,
        exp: now + 60,
        jti: "j",
        ...claims,
      },
      { kid: "client-key", ...header },
    );
  const authenticate = (
    clientAssertion: string,
    more: { clientId?: string; clientAssertionType?: string } = {},
  ) =>
    h.engine.authenticateClient({
      clientAssertion,
      clientAssertionType: JWT_BEARER_CLIENT_ASSERTION_TYPE,
      ...more,
    });
  return { h, now, sign, stranger, authenticate };
}

describe("a client assertion failing a check of grant assertions", () => {
  const cases: ReadonlyArray<[RefusalReason, (k: Awaited<ReturnType<typeof keyClient>>) => Promise<string>]> =
    [
      ["client_assertion_assertion_malformed", (k) => k.sign({}, { kid: 5 })],
      ["client_assertion_alg_not_allowed", (k) => k.sign({}, { alg: "HS256" })],
      ["client_assertion_crit_unsupported", (k) => k.sign({}, { crit: ["x"], x: 1 })],
      ["client_assertion_unknown_key", (k) => k.sign({}, { kid: "nope" })],
      ["client_assertion_bad_signature", (k) => k.sign({}, {}, k.stranger)],
      ["client_assertion_sub_invalid", (k) => k.sign({ sub: "" })],
      ["client_assertion_aud_invalid", (k) => k.sign({ aud: 5 })],
      ["client_assertion_aud_mismatch", (k) => k.sign({ aud: "https://other.example" })],
      ["client_assertion_exp_missing", (k) => k.sign({ exp: undefined })],
      ["client_assertion_exp_malformed", (k) => k.sign({ exp: "soon" })],
      ["client_assertion_exp_passed", (k) => k.sign({ exp: 1 })],
      ["client_assertion_nbf_malformed", (k) => k.sign({ nbf: "soon" })],
      ["client_assertion_nbf_future", (k) => k.sign({ nbf: k.now + 3600 })],
      ["client_assertion_iat_malformed", (k) => k.sign({ iat: "now" })],
      ["client_assertion_iat_future", (k) => k.sign({ iat: k.now + 3600 })],
      ["client_assertion_iat_too_old", (k) => k.sign({ iat: k.now - 10_000_000 })],
      ["client_assertion_lifetime_too_long", (k) => k.sign({ exp: k.now + 10_000_000 })],
      ["client_assertion_jti_missing", (k) => k.sign({ jti: undefined })],
      ["client_assertion_jti_invalid", (k) => k.sign({ jti: 5 })],
    ];
  it.each(cases)("is invalid_client with reason %s", async (reason, assertion) => {
    const k = await keyClient();
    await expectOAuthError(k.authenticate(await assertion(k)), "invalid_client", reason);
  });
});

describe("a client assertion refused before those checks", () => {
  it("is client_assertion_malformed when its iss cannot be read", async () => {
    const k = await keyClient();
    await expectOAuthError(k.authenticate("not.a.jws"), "invalid_client", "client_assertion_malformed");
  });

  it("is client_assertion_iss_sub_mismatch when sub is not the client", async () => {
    const k = await keyClient();
    await expectOAuthError(
      k.authenticate(await k.sign({ sub: "someone" })),
      "invalid_client",
      "client_assertion_iss_sub_mismatch",
    );
  });

  it("is client_id_mismatch when client_id names another client", async () => {
    const k = await keyClient();
    await expectOAuthError(
      k.authenticate(await k.sign({}), { clientId: "other" }),
      "invalid_client",
      "client_id_mismatch",
    );
  });

  it("is client_assertion_type_invalid with another assertion type", async () => {
    const k = await keyClient();
    await expectOAuthError(
      k.authenticate(await k.sign({}), { clientAssertionType: "urn:other" }),
      "invalid_request",
      "client_assertion_type_invalid",
    );
  });

  it("accepts the same assertion when nothing is wrong with it", async () => {
    const k = await keyClient();
    await expect(k.authenticate(await k.sign({}))).resolves.toMatchObject({ clientId: k.h.client.clientId });
  });
});

describe("a private_key_jwt client whose stored record has no keys", () => {
  it("is client_keys_missing", async () => {
    const k = await keyClient();
    await k.h.storage.clients.update({ ...k.h.client, keySource: null });
    await expectOAuthError(k.authenticate(await k.sign({})), "invalid_client", "client_keys_missing");
  });
});

describe("client_secret without client_id", () => {
  it("is client_id_missing", async () => {
    const h = await createHarness();
    await expectOAuthError(
      h.engine.authenticateClient({ clientSecret: "s" }),
      "invalid_request",
      "client_id_missing",
    );
  });
});
