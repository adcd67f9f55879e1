// The policy variant's targets: one jwtgrant server trusting a plain issuer and, next to it, GitHub Actions
// under a trust rule; the two targets are that server fed the one issuer's assertions or the other's.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AssertionKey } from "./assertions.js";
import { type PostgresPinning, pinLocalPostgres } from "./pin-postgres.js";
import { GITHUB, githubJobClaims, POLICY_RULES, paddedPlainClaims } from "./policy-assertions.js";
import {
  admin,
  createDatabase,
  IDP,
  SECRETS,
  startJwtgrantServer,
  type Target,
  type Targets,
} from "./targets.js";

export const PLAIN = "plain issuer";
export const POLICY = "policy issuer";

export interface PolicyTargetOptions {
  readonly key: AssertionKey;
  readonly pinning: boolean;
  readonly notes: string[];
}

/** The database of the variant, made now, and its two targets on one server, started by `start`. */
export async function preparePolicyTargets(options: PolicyTargetOptions): Promise<Targets> {
  const { key, pinning, notes } = options;
  const database = await createDatabase(notes);
  const postgresPinning: PostgresPinning | null =
    database !== null && pinning ? pinLocalPostgres(database.url, 1) : null;
  if (postgresPinning !== null) notes.push(postgresPinning.description);
  if (database === null) notes.push("the variant ran on embedded PGlite instead");
  const started: Target[] = [];
  let cleanedUp: Promise<void> | undefined;
  return {
    started,
    baselineMeasured: false,
    async start() {
      const storage =
        database === null
          ? { JWTGRANT_DATA_DIR: mkdtempSync(join(tmpdir(), "jwtgrant-bench-")), DATABASE_URL: "" }
          : { DATABASE_URL: database.url, JWTGRANT_SECRETS: SECRETS };
      const { server, url, authorization } = await startJwtgrantServer("jwtgrant", storage, pinning);
      const jwks = { keys: [key.publicJwk] };
      await admin(url, "/issuers", { issuer: IDP, jwks });
      await admin(url, "/issuers", { issuer: GITHUB, jwks, rules: POLICY_RULES });
      const audience = `${url}/oauth2/token`;
      const policyClaims = githubJobClaims(audience);
      const target = (name: string, nextBody: () => string): Target => ({
        name,
        server,
        tokenPath: "/oauth2/token",
        authorization,
        nextBody,
      });
      started.push(
        target(PLAIN, key.bodiesWith(paddedPlainClaims(IDP, policyClaims))),
        target(POLICY, key.bodiesWith(policyClaims)),
      );
      const sizes = started.map((one) => Buffer.byteLength(one.nextBody()));
      if (new Set(sizes).size !== 1) throw new Error(`the two requests differ in size: ${sizes.join(", ")}`);
      const jobClaims = Object.keys(policyClaims(0, 0)).length;
      notes.push(
        `both issuers' token requests are ${sizes[0]} bytes, each an ES256 assertion with a fresh jti and a GitHub Actions job's ${jobClaims} claims, the plain issuer's with a \`padding\` claim of the difference in \`iss\``,
      );
    },
    cleanUp() {
      cleanedUp ??= (async () => {
        await started[0]?.server.stop();
        postgresPinning?.restore();
        await database?.drop();
      })();
      return cleanedUp;
    },
  };
}
