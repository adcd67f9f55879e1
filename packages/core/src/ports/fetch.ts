/**
 * The outbound HTTP seam used to fetch JWKS URIs and OpenID Provider metadata. The global `fetch` satisfies
 * it; tests pass a stub.
 */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;
