// Single-core operations per second of the crypto one exchange must do: verify the assertion and sign the
// access token, with jose (Web Crypto) and with node:crypto. Run pinned to the server's core; prints JSON.
// Arguments: the duration of each measurement in ms, and optionally the algorithms, comma-separated.
import { constants, createPrivateKey, createPublicKey, sign, verify } from "node:crypto";
import { CompactSign, exportJWK, flattenedVerify, generateKeyPair, type JWK } from "jose";

const ALGS = ["ES256", "RS256", "EdDSA"] as const;
type Alg = (typeof ALGS)[number];

const durationMs = Number(process.argv[2] ?? "2000");
const algs =
  process.argv[3] === undefined ? ALGS : ALGS.filter((alg) => process.argv[3]?.split(",").includes(alg));
const payload = new TextEncoder().encode(
  JSON.stringify({ iss: "https://idp.example.com", sub: "svc", aud: "x", exp: 2_000_000_000, jti: "j" }),
);

async function opsPerSecond(operation: () => unknown): Promise<number> {
  for (let i = 0; i < 200; i++) await operation();
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < durationMs) {
    for (let i = 0; i < 50; i++) await operation();
    count += 50;
  }
  return count / ((performance.now() - started) / 1000);
}

const NODE_HASH: Record<Alg, string | null> = { ES256: "sha256", RS256: "sha256", EdDSA: null };

async function measure(alg: Alg) {
  const { privateKey, publicKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(alg === "EdDSA" ? { crv: "Ed25519" } : {}),
  });
  const jws = await new CompactSign(payload).setProtectedHeader({ alg }).sign(privateKey);
  const [protectedHeader = "", body = "", signature = ""] = jws.split(".");
  const nodePublic = createPublicKey({
    key: (await exportJWK(publicKey)) as JWK & { kty: string },
    format: "jwk",
  });
  const nodePrivate = createPrivateKey({
    key: (await exportJWK(privateKey)) as JWK & { kty: string },
    format: "jwk",
  });
  const dsa = alg === "ES256" ? { dsaEncoding: "ieee-p1363" as const } : {};
  const signingInput = Buffer.from(`${protectedHeader}.${body}`);
  const rawSignature = Buffer.from(signature, "base64url");
  return {
    joseVerify: await opsPerSecond(() =>
      flattenedVerify({ protected: protectedHeader, payload: body, signature }, publicKey),
    ),
    joseSign: await opsPerSecond(() => new CompactSign(payload).setProtectedHeader({ alg }).sign(privateKey)),
    nodeVerify: await opsPerSecond(() =>
      verify(
        NODE_HASH[alg],
        signingInput,
        { key: nodePublic, ...dsa, padding: constants.RSA_PKCS1_PADDING },
        rawSignature,
      ),
    ),
    nodeSign: await opsPerSecond(() => sign(NODE_HASH[alg], signingInput, { key: nodePrivate, ...dsa })),
  };
}

const results: Record<string, Awaited<ReturnType<typeof measure>>> = {};
for (const alg of algs) results[alg] = await measure(alg);
process.stdout.write(`${JSON.stringify(results)}\n`);
