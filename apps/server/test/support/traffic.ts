import { JWT_BEARER, partnerAssertion, type RegisteredClient } from "./classic-flow.js";
import { ADMIN_TOKEN } from "./server-process.js";

export type RequestKind = "token" | "admin" | "ready";

/** One request of the traffic, timed on `performance.now()`. */
export interface LoggedRequest {
  readonly kind: RequestKind;
  readonly start: number;
  readonly end: number;
  /** 0: no answer at all (a network error, or the test's own limit ran out). */
  readonly status: number;
  /** The `error` of a JSON error body. */
  readonly error: string | undefined;
  /** Token requests: the assertion sent and its `jti`. */
  readonly assertion?: string;
  readonly jti?: string;
}

export interface TrafficOptions {
  readonly url: string;
  readonly issuer: string;
  readonly client: RegisteredClient;
  /** Loops exchanging fresh assertions. */
  readonly tokenLoops: number;
  /** Loops listing clients through the admin API (one storage call each, never cached). */
  readonly adminLoops: number;
  /** Pause between two requests of one loop, and between two readiness probes. */
  readonly pauseMs: number;
}

export interface Traffic {
  readonly log: readonly LoggedRequest[];
  /** Lets every loop finish its request in flight, then stops. */
  stop(): Promise<void>;
}

/** No request of the traffic waits longer than this, whatever the server does. */
const CLIENT_LIMIT_MS = 15_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function timed(
  kind: RequestKind,
  send: (signal: AbortSignal) => Promise<Response>,
  extra: Pick<LoggedRequest, "assertion" | "jti"> = {},
): Promise<LoggedRequest> {
  const start = performance.now();
  try {
    const response = await send(AbortSignal.timeout(CLIENT_LIMIT_MS));
    const text = await response.text();
    let error: string | undefined;
    if (response.status >= 400) error = (JSON.parse(text) as { error?: string }).error;
    return { kind, start, end: performance.now(), status: response.status, error, ...extra };
  } catch {
    return { kind, start, end: performance.now(), status: 0, error: undefined, ...extra };
  }
}

/** Token requests, admin requests and readiness probes against `url`, each loop one request at a time. */
export function startTraffic(options: TrafficOptions): Traffic {
  const log: LoggedRequest[] = [];
  let running = true;
  const basic = `Basic ${btoa(`${options.client.clientId}:${options.client.clientSecret}`)}`;

  const loop = async (next: () => Promise<LoggedRequest>) => {
    while (running) {
      log.push(await next());
      await sleep(options.pauseMs);
    }
  };
  const token = async () => {
    const jti = crypto.randomUUID();
    const assertion = await partnerAssertion(options.issuer, jti);
    return timed(
      "token",
      (signal) =>
        fetch(`${options.url}/oauth2/token`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", authorization: basic },
          body: new URLSearchParams({ grant_type: JWT_BEARER, assertion }).toString(),
          signal,
        }),
      { assertion, jti },
    );
  };
  const admin = () =>
    timed("admin", (signal) =>
      fetch(`${options.url}/admin/clients`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, signal }),
    );
  const ready = () => timed("ready", (signal) => fetch(`${options.url}/readyz`, { signal }));

  const loops = [
    ...Array.from({ length: options.tokenLoops }, () => loop(token)),
    ...Array.from({ length: options.adminLoops }, () => loop(admin)),
    loop(ready),
  ];
  return {
    log,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}
