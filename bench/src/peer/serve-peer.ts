// The peer: node-oidc-provider with the jwt-bearer grant registered, doing the work jwtgrant does for one
// exchange — client_secret_basic, an ES256 assertion verified with jose, iss/aud/exp/sub/jti checks against a
// replay store, an ES256-signed JWT access token. Run as its own process, configured by the environment.
import { createServer } from "node:http";
import { importJWK, type JWK, jwtVerify, SignJWT } from "jose";
import { errors, Provider } from "oidc-provider";

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};

const JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
const issuer = env("PEER_ISSUER");
const tokenEndpoint = `${issuer}/token`;
const assertionIssuer = env("PEER_ASSERTION_ISSUER");
const assertionKey = await importJWK(JSON.parse(env("PEER_ASSERTION_PUBLIC_JWK")) as JWK, "ES256");
const signingJwk = JSON.parse(env("PEER_SIGNING_PRIVATE_JWK")) as JWK;
const signingKey = await importJWK(signingJwk, "ES256");

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: env("PEER_CLIENT_ID"),
      client_secret: env("PEER_CLIENT_SECRET"),
      grant_types: [JWT_BEARER],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: "client_secret_basic",
      // The provider's only key is ES256; its RS256 default for ID tokens would fail client validation.
      id_token_signed_response_alg: "ES256",
    },
  ],
  jwks: { keys: [signingJwk] },
});

const used = new Map<string, number>();

provider.registerGrantType(
  JWT_BEARER,
  async (ctx) => {
    const assertion = String(ctx.oidc.params?.assertion ?? "");
    let payload: Awaited<ReturnType<typeof jwtVerify>>["payload"];
    try {
      ({ payload } = await jwtVerify(assertion, assertionKey, {
        issuer: assertionIssuer,
        audience: [tokenEndpoint, issuer],
        algorithms: ["ES256"],
        requiredClaims: ["exp", "sub", "jti"],
        clockTolerance: 60,
      }));
    } catch {
      throw new errors.InvalidGrant("assertion invalid");
    }
    const replayKey = `${payload.iss}\u0000${payload.jti}`;
    if (used.has(replayKey)) throw new errors.InvalidGrant("assertion replayed");
    used.set(replayKey, payload.exp ?? 0);
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await new SignJWT({
      client_id: ctx.oidc.client?.clientId,
      assertion_iss: payload.iss,
    })
      .setProtectedHeader({ alg: "ES256", typ: "at+jwt", kid: signingJwk.kid ?? "peer" })
      .setIssuer(issuer)
      .setSubject(String(payload.sub))
      .setAudience(issuer)
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .setJti(crypto.randomUUID())
      .sign(signingKey);
    ctx.body = { access_token: accessToken, token_type: "Bearer", expires_in: 3600 };
  },
  ["assertion", "scope"],
);

const server = createServer(provider.callback());
server.listen(Number(env("PORT")), "127.0.0.1", () => process.stdout.write("listening\n"));
process.once("SIGTERM", () => server.close(() => process.exit(0)));
