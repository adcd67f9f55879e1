// A variant's targets: one jwtgrant server on a fresh database, fed different kinds of token request; each
// target is that server and one kind. The variant sets the server up and names the kinds.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AssertionKey } from "./assertions.js";
import { type PostgresPinning, pinLocalPostgres } from "./pin-postgres.js";
import {
  createDatabase,
  type JwtgrantServer,
  SECRETS,
  startJwtgrantServer,
  type Target,
  type Targets,
} from "./targets.js";

/** What every variant's targets are made with. */
export interface VariantOptions {
  /** The trusted IdP's key, which signs every assertion of the variant. */
  readonly key: AssertionKey;
  readonly pinning: boolean;
  readonly notes: string[];
}

export interface VariantTargetOptions {
  readonly pinning: boolean;
  /** Where what the reader should know about this run's set-up goes. */
  readonly notes: string[];
  /** The admin API's fields of the one client every request authenticates as. */
  readonly client?: Record<string, unknown>;
  /** Trusts the variant's issuers on the started server, and returns its targets in the order rounds visit them. */
  setUp(server: JwtgrantServer): Promise<readonly Target[]>;
}

/** The target that sends `server`'s token endpoint `nextBody`'s requests as its client. */
export const targetOn = (server: JwtgrantServer, name: string, nextBody: () => string): Target => ({
  name,
  server: server.server,
  tokenPath: "/oauth2/token",
  authorization: server.authorization,
  nextBody,
});

/** The database of the variant, made now, and its targets on one server, started by `start`. */
export async function prepareVariantTargets(options: VariantTargetOptions): Promise<Targets> {
  const { pinning, notes } = options;
  const database = await createDatabase(notes);
  const postgresPinning: PostgresPinning | null =
    database !== null && pinning ? pinLocalPostgres(database.url, 1) : null;
  if (postgresPinning !== null) notes.push(postgresPinning.description);
  if (database === null) notes.push("the variant ran on embedded PGlite instead");
  const started: Target[] = [];
  let server: JwtgrantServer | undefined;
  let cleanedUp: Promise<void> | undefined;
  return {
    started,
    baselineMeasured: false,
    async start() {
      const storage =
        database === null
          ? { JWTGRANT_DATA_DIR: mkdtempSync(join(tmpdir(), "jwtgrant-bench-")), DATABASE_URL: "" }
          : { DATABASE_URL: database.url, JWTGRANT_SECRETS: SECRETS };
      server = await startJwtgrantServer("jwtgrant", storage, pinning, undefined, options.client);
      started.push(...(await options.setUp(server)));
    },
    cleanUp() {
      cleanedUp ??= (async () => {
        await server?.server.stop();
        postgresPinning?.restore();
        await database?.drop();
      })();
      return cleanedUp;
    },
  };
}
