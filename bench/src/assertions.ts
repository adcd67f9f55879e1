import { generateKeyPairSync, sign } from "node:crypto";

const JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

/** The claims of the `serial`-th assertion, minted at `now` (seconds since the epoch). */
export type ClaimsFor = (now: number, serial: number) => Record<string, unknown>;

export interface AssertionKey {
  readonly publicJwk: Record<string, unknown>;
  /** A source of token-request bodies, each with a fresh assertion (distinct jti) for `audience`. */
  bodiesFor(issuer: string, audience: string): () => string;
  /** A source of token-request bodies whose assertions carry `claimsFor`'s claims, serials counting up. */
  bodiesWith(claimsFor: ClaimsFor): () => string;
}

/** An ES256 issuer key signing with node:crypto, so that the load generator's core keeps up. */
export function createAssertionKey(kid = "bench-1"): AssertionKey {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const header = Buffer.from(JSON.stringify({ alg: "ES256", kid })).toString("base64url");
  let counter = 0;
  const bodiesWith = (claimsFor: ClaimsFor) => () => {
    counter += 1;
    const claims = claimsFor(Math.floor(Date.now() / 1000), counter);
    const input = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
    const signature = sign("sha256", Buffer.from(input), { key: privateKey, dsaEncoding: "ieee-p1363" });
    return `grant_type=${encodeURIComponent(JWT_BEARER)}&assertion=${input}.${signature.toString("base64url")}`;
  };
  return {
    publicJwk: { ...publicKey.export({ format: "jwk" }), kid, alg: "ES256", use: "sig" },
    bodiesWith,
    bodiesFor: (issuer, audience) =>
      bodiesWith((now, serial) => ({
        iss: issuer,
        sub: "bench-svc",
        aud: audience,
        iat: now,
        exp: now + 600,
        jti: `${process.pid}-${serial}`,
      })),
  };
}
