import { generateKeyPairSync, sign } from "node:crypto";

const JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

/** The claims of the `serial`-th assertion, minted at `now` (seconds since the epoch). */
export type ClaimsFor = (now: number, serial: number) => Record<string, unknown>;

export interface AssertionKey {
  readonly publicJwk: Record<string, unknown>;
  /** A source of compact ES256 JWSs of `claimsFor`'s claims, serials counting up; `typ` goes in the header. */
  tokensWith(claimsFor: ClaimsFor, typ?: string): () => string;
  /** A source of token-request bodies, each with a fresh assertion (distinct jti) for `audience`. */
  bodiesFor(issuer: string, audience: string): () => string;
  /** A source of jwt-bearer token-request bodies whose assertions carry `claimsFor`'s claims. */
  bodiesWith(claimsFor: ClaimsFor, typ?: string): () => string;
  /** The length of the compact JWS of `claims` this key would sign, without signing it. */
  encodedLength(claims: Record<string, unknown>, typ?: string): number;
}

/** The jwt-bearer token-request body presenting `assertion`. */
export const jwtBearerBody = (assertion: string) =>
  `grant_type=${encodeURIComponent(JWT_BEARER)}&assertion=${assertion}`;

/** An ES256 issuer key signing with node:crypto, so that the load generator's core keeps up. */
export function createAssertionKey(kid = "bench-1"): AssertionKey {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const encodedHeader = (typ: string | undefined) =>
    Buffer.from(JSON.stringify({ alg: "ES256", kid, ...(typ === undefined ? {} : { typ }) })).toString(
      "base64url",
    );
  /** An ES256 signature is 64 bytes in JWS form (IEEE P1363), 86 characters in base64url. */
  const signatureLength = 86;
  let counter = 0;
  const tokensWith = (claimsFor: ClaimsFor, typ?: string) => {
    const header = encodedHeader(typ);
    return () => {
      counter += 1;
      const claims = claimsFor(Math.floor(Date.now() / 1000), counter);
      const input = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
      const signature = sign("sha256", Buffer.from(input), { key: privateKey, dsaEncoding: "ieee-p1363" });
      return `${input}.${signature.toString("base64url")}`;
    };
  };
  const bodiesWith = (claimsFor: ClaimsFor, typ?: string) => {
    const next = tokensWith(claimsFor, typ);
    return () => jwtBearerBody(next());
  };
  return {
    publicJwk: { ...publicKey.export({ format: "jwk" }), kid, alg: "ES256", use: "sig" },
    tokensWith,
    bodiesWith,
    encodedLength: (claims, typ) =>
      encodedHeader(typ).length +
      Buffer.from(JSON.stringify(claims)).toString("base64url").length +
      signatureLength +
      2,
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
