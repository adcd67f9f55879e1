import { UsageError } from "../usage-error.js";
import type { IssuerPreset, PresetOptions } from "./issuer-preset.js";
import { requiredPresetOption } from "./required-preset-option.js";

/** A trust domain name as the SPIFFE ID standard allows it: lowercase letters, digits, `.`, `-` and `_`. */
const TRUST_DOMAIN = /^[a-z0-9._-]{1,255}$/;
/** Path segments as the SPIFFE ID standard allows them, each after a `/`; no trailing `/`. */
const PATH = /^(?:\/[A-Za-z0-9._-]+)+$/;

function pathPrefix(value: string | undefined): string {
  if (value === undefined) return "";
  const segments = value.split("/").slice(1);
  if (!PATH.test(value) || segments.some((segment) => segment === "." || segment === "..")) {
    throw new UsageError(
      "--path-prefix must be a SPIFFE ID path such as /ns/prod: segments of A-Z, a-z, 0-9, ., - and _ after a /",
    );
  }
  return value;
}

/**
 * SPIFFE JWT-SVIDs: one rule, `spiffe`, admitting the SPIFFE IDs (the `sub`) of one trust domain, under a path
 * prefix when given, with a glob whose literal start is `spiffe://<trust domain>/`. A JWT-SVID is reused until
 * it expires, so the issuer allows reuse; no refresh tokens, since the workload API keeps the SVID fresh.
 */
export function spiffePreset(options: PresetOptions): IssuerPreset {
  const trustDomain = requiredPresetOption("spiffe", "--trust-domain <name>", options.trustDomain);
  if (!TRUST_DOMAIN.test(trustDomain)) {
    throw new UsageError("--trust-domain must be a SPIFFE trust domain name: a-z, 0-9, ., - and _");
  }
  // Only these characters reach the glob, none of them a wildcard: `**` alone matches the workload path.
  const glob = `spiffe://${trustDomain}${pathPrefix(options.pathPrefix)}/**`;
  return {
    keys: "required",
    rules: [{ name: "spiffe", when: { sub: { glob } }, refresh_tokens: false }],
    assertionReuse: "allowed",
  };
}
