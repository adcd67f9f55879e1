import type { TrustedIssuer } from "../domain/trusted-issuer.js";
import type { AssertionProfile } from "./id-jag-profile.js";

/**
 * Whether an assertion buys tokens once: by its issuer's `assertion_reuse`, or as an ID-JAG, which is single
 * use whatever its issuer allows.
 */
export const isSingleUse = (issuer: TrustedIssuer, profile: AssertionProfile): boolean =>
  issuer.assertionReuse === "single_use" || profile === "id-jag";
