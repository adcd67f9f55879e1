// The policy variant's targets: one jwtgrant server trusting a plain issuer and, next to it, GitHub Actions
// under a trust rule; the two targets are that server fed the one issuer's assertions or the other's.
import { GITHUB, githubJobClaims, POLICY_RULES, paddedPlainClaims } from "./policy-assertions.js";
import { admin, IDP, type Targets } from "./targets.js";
import { prepareVariantTargets, targetOn, type VariantOptions } from "./variant-targets.js";

export const PLAIN = "plain issuer";
export const POLICY = "policy issuer";

/** The database of the variant, made now, and its two targets on one server, started by `start`. */
export function preparePolicyTargets(options: VariantOptions): Promise<Targets> {
  const { key, pinning, notes } = options;
  return prepareVariantTargets({
    pinning,
    notes,
    async setUp(server) {
      const { url } = server;
      const jwks = { keys: [key.publicJwk] };
      await admin(url, "/issuers", { issuer: IDP, jwks });
      await admin(url, "/issuers", { issuer: GITHUB, jwks, rules: POLICY_RULES });
      const policyClaims = githubJobClaims(`${url}/oauth2/token`);
      const targets = [
        targetOn(server, PLAIN, key.bodiesWith(paddedPlainClaims(IDP, policyClaims))),
        targetOn(server, POLICY, key.bodiesWith(policyClaims)),
      ];
      const sizes = targets.map((one) => Buffer.byteLength(one.nextBody()));
      if (new Set(sizes).size !== 1) throw new Error(`the two requests differ in size: ${sizes.join(", ")}`);
      const jobClaims = Object.keys(policyClaims(0, 0)).length;
      notes.push(
        `both issuers' token requests are ${sizes[0]} bytes, each an ES256 assertion with a fresh jti and a GitHub Actions job's ${jobClaims} claims, the plain issuer's with a \`padding\` claim of the difference in \`iss\``,
      );
      return targets;
    },
  });
}
