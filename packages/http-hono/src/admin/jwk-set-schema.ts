import { z } from "@hono/zod-openapi";

/**
 * A JWK keeps members it does not name (RFC 7517 §4 says to ignore them, and real IdPs add some), so that
 * core sees every member and refuses private or symmetric ones (`d`, `p`, `q`, `dp`, `dq`, `qi`, `oth`,
 * `k`) rather than having them silently dropped here.
 */
export const JwkSchema = z
  .looseObject({
    kty: z.string().openapi({ enum: ["RSA", "EC", "OKP"] }),
    kid: z.string().optional(),
    alg: z.string().optional(),
    use: z.string().optional(),
    crv: z.string().optional(),
    x: z.string().optional(),
    y: z.string().optional(),
    n: z.string().optional(),
    e: z.string().optional(),
  })
  .openapi("PublicJwk", {
    description: "A public JWK; private or symmetric members (d, p, q, dp, dq, qi, oth, k) are refused",
  });

export const JwkSetSchema = z.object({ keys: z.array(JwkSchema) }).openapi("JwkSet");
