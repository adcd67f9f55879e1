import { createEngine, createMemoryStorage, type Storage } from "@jwtgrant/core";
import { createFrozenClock, type FrozenClock } from "@jwtgrant/core/testing";
import { SESSION_COOKIE } from "../src/console/console-env.js";
import { createHttpApp } from "../src/create-http-app.js";

export const SERVER = "https://as.example.com";
export const ADMIN_TOKEN = "admin-token-for-tests-0123456789";
const ORIGIN = "http://localhost";

export interface ConsoleHarnessOptions {
  readonly console?: boolean;
  /** The public issuer URL. Default `SERVER`, an https URL. */
  readonly issuer?: string;
  /** Another instance's storage and clock, to run a second instance beside it. Default: fresh ones. */
  readonly shared?: { readonly storage: Storage; readonly clock: FrozenClock };
}

/** The whole app on in-memory storage, with its first signing key, and a browser-like way to drive its console. */
export async function createConsoleHarness(options: ConsoleHarnessOptions = {}) {
  const clock = options.shared?.clock ?? createFrozenClock(new Date(Math.floor(Date.now() / 1000) * 1000));
  const storage = options.shared?.storage ?? createMemoryStorage({ clock });
  const engine = createEngine({ storage, clock }, { issuer: options.issuer ?? SERVER });
  const app = createHttpApp(
    { engine, ready: async () => {}, recentDecisions: (limit) => storage.auditLog.recent(limit) },
    { adminToken: ADMIN_TOKEN, ...(options.console === undefined ? {} : { console: options.console }) },
  );
  await engine.ensureSigningKey();
  let cookie: string | undefined;
  // Cookies other than the session's, kept and deleted as a browser would (paths aside).
  const others = new Map<string, string>();
  const cookieHeader = (): Record<string, string> => {
    const all = [
      ...(cookie === undefined ? [] : [cookie]),
      ...[...others].map(([name, value]) => `${name}=${value}`),
    ];
    return all.length === 0 ? {} : { cookie: all.join("; ") };
  };
  const keepCookies = (response: Response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ""] = header.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      if (name === SESSION_COOKIE) continue;
      if (/max-age=0/i.test(header)) others.delete(name);
      else others.set(name, pair.slice(name.length + 1));
    }
    return response;
  };

  const get = async (path: string) => keepCookies(await app.request(path, { headers: cookieHeader() }));
  const post = async (
    path: string,
    fields: Record<string, string | string[]>,
    headers: Record<string, string> = {},
  ) => {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) {
      for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
    }
    const response = await app.request(path, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: ORIGIN,
        ...cookieHeader(),
        ...headers,
      },
      body: body.toString(),
    });
    return keepCookies(response);
  };
  const csrfToken = async () => {
    const html = await (await get("/console")).text();
    const token = /name="csrf_token" value="([^"]+)"/.exec(html)?.[1];
    if (token === undefined) throw new Error("no CSRF token on the overview page");
    return token;
  };
  /** A POST from one of the console's own forms. */
  const submit = async (path: string, fields: Record<string, string | string[]>) =>
    post(path, { csrf_token: await csrfToken(), ...fields });

  return {
    app,
    engine,
    storage,
    clock,
    /** The session cookie (`name=value`) the browser holds; it may be set to replay another one. */
    get cookie() {
      return cookie;
    },
    set cookie(value: string | undefined) {
      cookie = value;
    },
    /** The other cookies the browser holds, by name. */
    others,
    get,
    post,
    submit,
    csrfToken,
    async signIn() {
      const response = await post("/console/sign-in", { token: ADMIN_TOKEN });
      const set = response.headers.get("set-cookie");
      if (response.status !== 303 || set === null) throw new Error(`sign-in failed: ${response.status}`);
      cookie = set.split(";")[0];
      return response;
    },
  };
}

export type ConsoleHarness = Awaited<ReturnType<typeof createConsoleHarness>>;
