import { Miniflare } from "miniflare";
import { freePort } from "../../src/testing/server-process.js";
import { bundleWorker, WORKER_COMPATIBILITY } from "../../src/worker/bundle-worker.js";
import { ADMIN_TOKEN, SECRETS } from "./server-process.js";

let bundle: Promise<string> | undefined;

export interface LocalWorker {
  readonly url: string;
  readonly miniflare: Miniflare;
  dispose(): Promise<void>;
}

export interface LocalWorkerOptions {
  /** Bindings over the defaults: the test admin token and secrets, the issuer at the Worker's own URL. */
  readonly bindings?: Readonly<Record<string, string>>;
  /** A Hyperdrive binding `HYPERDRIVE` to this database URL. */
  readonly hyperdrive?: string;
}

/** The bundled Worker on workerd (miniflare) in this process, listening on a free loopback port. */
export async function startLocalWorker(options: LocalWorkerOptions = {}): Promise<LocalWorker> {
  bundle ??= bundleWorker();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const miniflare = new Miniflare({
    modules: [{ type: "ESModule", path: "worker.js", contents: await bundle }],
    ...WORKER_COMPATIBILITY,
    bindings: {
      JWTGRANT_ADMIN_TOKEN: ADMIN_TOKEN,
      JWTGRANT_SECRETS: SECRETS,
      JWTGRANT_ISSUER: url,
      LOG_LEVEL: "warn",
      ...options.bindings,
    },
    ...(options.hyperdrive === undefined ? {} : { hyperdrives: { HYPERDRIVE: options.hyperdrive } }),
    host: "127.0.0.1",
    port,
  });
  await miniflare.ready;
  return { url, miniflare, dispose: () => miniflare.dispose() };
}
