import { discoveryIssuerProblem } from "./discovery-issuer-problem.js";
import {
  fetchJsonDocument,
  type JsonDocumentFetchOptions,
  type JsonDocumentKind,
} from "./fetch-json-document.js";
import { jwksUnavailable } from "./jwks-unavailable.js";
import { jwksUriProblem } from "./jwks-uri-problem.js";

const WELL_KNOWN_PATH = "/.well-known/openid-configuration";

const PROVIDER_METADATA: JsonDocumentKind = {
  accept: "application/json",
  urlName: "the metadata URL",
  noun: "metadata",
};

/** Longest stretch of a remote value quoted in a failure detail, which is logged. */
const MAX_QUOTED_CHARS = 200;

function quoted(value: string): string {
  return JSON.stringify(value.length > MAX_QUOTED_CHARS ? `${value.slice(0, MAX_QUOTED_CHARS)}…` : value);
}

/**
 * The `jwks_uri` named by the OpenID Provider metadata of `issuer` (OpenID Connect Discovery 1.0 §4: one
 * terminating `/` of the issuer is removed before the well-known path is appended). The metadata's own
 * `issuer` must equal `issuer` exactly, so that a host cannot pass off its keys as another issuer's (§4.3);
 * its `jwks_uri` must pass the JWKS URI rule. Every failure is `temporarily_unavailable` with reason
 * `jwks_unavailable` and a detail saying what was wrong.
 */
export async function fetchDiscoveredJwksUri(
  issuer: string,
  options: JsonDocumentFetchOptions,
): Promise<string> {
  const problem = discoveryIssuerProblem(issuer);
  if (problem !== null) throw jwksUnavailable(problem);
  const url = `${issuer.endsWith("/") ? issuer.slice(0, -1) : issuer}${WELL_KNOWN_PATH}`;
  const metadata = await fetchJsonDocument(url, PROVIDER_METADATA, options);
  if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata)) {
    throw jwksUnavailable(`metadata at ${url} is not a JSON object`);
  }
  const { issuer: named, jwks_uri: jwksUri } = metadata as Record<string, unknown>;
  if (typeof named !== "string") throw jwksUnavailable(`metadata at ${url} names no issuer`);
  if (named !== issuer) {
    throw jwksUnavailable(`metadata at ${url} names issuer ${quoted(named)} instead of ${quoted(issuer)}`);
  }
  if (typeof jwksUri !== "string") throw jwksUnavailable(`metadata at ${url} names no jwks_uri`);
  const uriProblem = jwksUriProblem(jwksUri);
  if (uriProblem !== null) {
    throw jwksUnavailable(`metadata at ${url} names jwks_uri ${quoted(jwksUri)}: ${uriProblem}`);
  }
  return jwksUri;
}
