import type { JWK } from "jose";

interface JwkCommon {
  readonly kid?: string;
  readonly alg?: string;
  readonly use?: string;
  readonly key_ops?: readonly string[];
}

export interface RsaPublicJwk extends JwkCommon {
  readonly kty: "RSA";
  readonly n: string;
  readonly e: string;
}

export interface EcPublicJwk extends JwkCommon {
  readonly kty: "EC";
  readonly crv: "P-256" | "P-384" | "P-521";
  readonly x: string;
  readonly y: string;
}

export interface OkpPublicJwk extends JwkCommon {
  readonly kty: "OKP";
  readonly crv: "Ed25519";
  readonly x: string;
}

/** A public key that can verify an asymmetric JWS. Never carries private members. */
export type PublicJwk = RsaPublicJwk | EcPublicJwk | OkpPublicJwk;

export interface PublicJwkSet {
  readonly keys: readonly PublicJwk[];
}

/** A private JWK of one of the server's own signing keys (it carries `d`). */
export type PrivateJwk = JWK & { readonly d: string; readonly kty: PublicJwk["kty"] };
