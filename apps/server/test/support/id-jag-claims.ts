// Claims of an Identity Assertion JWT Authorization Grant as an enterprise IdP mints it at its token exchange
// (draft-ietf-oauth-identity-assertion-authz-grant, the example of its ID-JAG section): the user by the IdP's
// own identifier, the resource authorization server as `aud`, the client it was issued to, the resource and
// scopes the IdP's policy allowed, and how and when the user signed in.

/** The JOSE header `typ` that marks an ID-JAG. */
export const ID_JAG_HEADER = { typ: "oauth-id-jag+jwt" } as const;

/** Who the IdP mints an ID-JAG for. */
export interface IdJagMinting {
  readonly idp: string;
  /** The resource authorization server's issuer identifier. */
  readonly audience: string;
  readonly clientId: string;
  readonly resource: string;
  /** Seconds since the epoch. */
  readonly now: number;
}

/** The draft's example user, who signed in a minute ago with a hardware key. */
export const ID_JAG_SUBJECT = "U019488227";

/** The claims of an ID-JAG valid for five minutes; `scope` is the grant's ceiling. */
export function idJagClaims(minting: IdJagMinting, scope = "chat.read chat.history") {
  return {
    jti: crypto.randomUUID(),
    iss: minting.idp,
    sub: ID_JAG_SUBJECT,
    aud: minting.audience,
    client_id: minting.clientId,
    exp: minting.now + 300,
    iat: minting.now,
    resource: minting.resource,
    scope,
    auth_time: minting.now - 60,
    amr: ["mfa", "phrh", "hwk", "user"],
  };
}
