// The cross-app variant's targets: one jwtgrant server trusting one IdP, and one confidential client that may
// request one resource and exchange tokens; the three targets are that server fed ID-JAGs, plain assertions
// of the same size, or token exchanges with an actor. Each is tried once before the rounds, so that a run
// measures the work it names and not a refusal.
import { ID_JAG_TYPE } from "@jwtgrant/core";
import { paddedTo } from "./claim-sizes.js";
import {
  ACCESS_TOKEN_TYPE,
  ACTOR,
  actorClaims,
  idJagClaims,
  plainClaims,
  RESOURCE,
  renewedEvery,
  SCOPE,
  subjectClaims,
  TOKEN_EXCHANGE,
  tokenExchangeBody,
} from "./cross-app-assertions.js";
import { admin, IDP, type Target, type Targets } from "./targets.js";
import { prepareVariantTargets, targetOn, type VariantOptions } from "./variant-targets.js";

export const ID_JAG = "ID-JAG";
export const PLAIN = "plain assertion";
export const EXCHANGE = "token exchange";

/** An actor renews its token every minute, well inside the token's lifetime. */
const ACTOR_RENEW_SECONDS = 60;

/** The variant's database, made now, and its three targets on one server, started by `start`. */
export function prepareCrossAppTargets(options: VariantOptions): Promise<Targets> {
  const { key, pinning, notes } = options;
  return prepareVariantTargets({
    pinning,
    notes,
    client: {
      client_name: "bench",
      grant_types: ["urn:ietf:params:oauth:grant-type:jwt-bearer", TOKEN_EXCHANGE],
      scope: SCOPE,
      resources: [RESOURCE],
    },
    async setUp(server) {
      const { url, clientId } = server;
      await admin(url, "/issuers", { issuer: IDP, jwks: { keys: [key.publicJwk] } });
      const idJag = idJagClaims(url, clientId);
      const now = Math.floor(Date.now() / 1000);
      const plain = paddedTo(
        plainClaims(url),
        (claims) => key.encodedLength(claims),
        key.encodedLength(idJag(now, 1), ID_JAG_TYPE),
      );
      const subjects = key.tokensWith(subjectClaims(url));
      const actors = renewedEvery(key.tokensWith(actorClaims(url)), ACTOR_RENEW_SECONDS);
      // Plain in the middle: with the order reversed every second round, it runs next to each of the others.
      const targets = [
        targetOn(server, ID_JAG, key.bodiesWith(idJag, ID_JAG_TYPE)),
        targetOn(server, PLAIN, key.bodiesWith(plain)),
        targetOn(server, EXCHANGE, () => tokenExchangeBody(subjects(), actors())),
      ];
      const sizes = new Map(targets.map((one) => [one.name, Buffer.byteLength(one.nextBody())]));
      notes.push(
        `the ID-JAG's token request is ${sizes.get(ID_JAG)} bytes (header \`typ: ${ID_JAG_TYPE}\`, claims \`iss\`, \`sub\`, \`aud\` this server's issuer, \`jti\`, \`iat\`, \`exp\`, \`client_id\`, \`resource\`, \`scope\`); the plain assertion's ${sizes.get(PLAIN)} bytes, the same claims but \`client_id\` and \`resource\`, with a \`padding\` claim of the difference; the token exchange's ${sizes.get(EXCHANGE)} bytes, a subject JWT with a fresh jti and an actor JWT renewed every ${ACTOR_RENEW_SECONDS} s`,
        `one confidential client (client_secret_basic) with \`resources: [${RESOURCE}]\`, scope \`${SCOPE}\`, the jwt-bearer and token-exchange grants and no refresh grant, so no run issues a refresh token`,
      );
      for (const target of targets) await checkResponse(target, url);
      return targets;
    },
  });
}

/** The claims of a compact JWS, unverified: the bench checks what the server issued, not its signature. */
const claimsOf = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;

/** One request of `target`'s kind, answered as that kind must be; throws with the answer otherwise. */
async function checkResponse(target: Target, issuer: string): Promise<void> {
  const response = await fetch(`${issuer}${target.tokenPath}`, {
    method: "POST",
    headers: { authorization: target.authorization, "content-type": "application/x-www-form-urlencoded" },
    body: target.nextBody(),
  });
  const text = await response.text();
  const body = (response.status === 200 ? JSON.parse(text) : {}) as Record<string, unknown>;
  const claims = typeof body.access_token === "string" ? claimsOf(body.access_token) : {};
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  const expected: Record<string, boolean> = {
    "status 200": response.status === 200,
    "no refresh token": body.refresh_token === undefined,
    [`scope ${SCOPE}`]: claims.scope === SCOPE,
    ...(target.name === ID_JAG ? { [`aud ${RESOURCE}`]: aud.length === 1 && aud[0] === RESOURCE } : {}),
    ...(target.name === EXCHANGE
      ? {
          [`issued_token_type ${ACCESS_TOKEN_TYPE}`]: body.issued_token_type === ACCESS_TOKEN_TYPE,
          [`act.sub ${ACTOR}`]: (claims.act as Record<string, unknown> | undefined)?.sub === ACTOR,
        }
      : {}),
  };
  const failed = Object.keys(expected).filter((what) => !expected[what]);
  if (failed.length > 0) {
    throw new Error(`${target.name}: expected ${failed.join(", ")}; got ${response.status} ${text}`);
  }
}
