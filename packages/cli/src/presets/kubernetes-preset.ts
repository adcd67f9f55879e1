import type { TrustConditionWire } from "@jwtgrant/core";
import { UsageError } from "../usage-error.js";
import type { IssuerPreset, PresetOptions } from "./issuer-preset.js";
import { requiredPresetOption } from "./required-preset-option.js";

/** A namespace name: an RFC 1123 label, as Kubernetes requires. */
const NAMESPACE = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
/** A service account name: an RFC 1123 subdomain. */
const SERVICE_ACCOUNT = /^[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?$/;

/**
 * Kubernetes projected service account tokens: one rule, `kubernetes`, pinning the namespace (and the service
 * account) by the claims the API server writes under `kubernetes.io`. Such a token is reused until it
 * expires, so the issuer allows reuse; no refresh tokens, since the kubelet keeps the token fresh.
 */
export function kubernetesPreset(options: PresetOptions): IssuerPreset {
  const namespace = requiredPresetOption("kubernetes", "--namespace <name>", options.namespace);
  if (!NAMESPACE.test(namespace)) {
    throw new UsageError("--namespace must be a Kubernetes namespace name: a-z, 0-9 and -, at most 63");
  }
  if (options.serviceAccount !== undefined && !SERVICE_ACCOUNT.test(options.serviceAccount)) {
    throw new UsageError(
      "--service-account must be a Kubernetes service account name: a-z, 0-9, - and ., at most 253",
    );
  }
  const when: Record<string, TrustConditionWire> = {
    "/kubernetes.io/namespace": { eq: namespace },
    ...(options.serviceAccount === undefined
      ? {}
      : { "/kubernetes.io/serviceaccount/name": { eq: options.serviceAccount } }),
  };
  return {
    keys: "required",
    rules: [{ name: "kubernetes", when, refresh_tokens: false }],
    assertionReuse: "allowed",
  };
}
