import { createEngine, createMemoryStorage, type Engine } from "@jwtgrant/core";
import { createFrozenClock, type FrozenClock } from "@jwtgrant/core/testing";
import { Hono } from "hono";
import { expect } from "vitest";
import { createAdminApi } from "../src/admin/create-admin-api.js";

export const ADMIN_TOKEN = "admin-token-for-tests-0123456789";
export const NOW = "2026-01-01T00:00:00.000Z";

export interface AdminRequest {
  /** Serialized as JSON unless `rawBody` is given. */
  readonly body?: unknown;
  readonly rawBody?: string;
  readonly contentType?: string;
  /** The full Authorization header; default `Bearer <ADMIN_TOKEN>`, `null` for none. */
  readonly authorization?: string | null;
}

export interface AdminResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed JSON body, typed by the caller's expectation; `undefined` for an empty body. */
  json<T = Record<string, unknown>>(): T;
}

/** A stack trace, raw or JSON-escaped: a line break, then `at …` frames; or a serialized `stack` member. */
const STACK_TRACE = /(?:\\n|\n)\s*at \S|"stack"\s*:/;

export interface AdminHarness {
  readonly engine: Engine;
  readonly clock: FrozenClock;
  request(method: string, path: string, options?: AdminRequest): Promise<AdminResponse>;
}

/** Sends a request through a Hono app that mounts the admin API at /admin, the way the server does. */
export async function send(app: Hono, method: string, path: string, options: AdminRequest = {}) {
  const headers = new Headers();
  const authorization = options.authorization === undefined ? `Bearer ${ADMIN_TOKEN}` : options.authorization;
  if (authorization !== null) headers.set("authorization", authorization);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers.set("content-type", options.contentType ?? "application/json");
  const response = await app.request(`/admin${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  // Every test checks this for free: no response, success or failure, ever carries a stack trace.
  expect(text).not.toMatch(STACK_TRACE);
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: <T>() => (text === "" ? undefined : JSON.parse(text)) as T,
  };
}

export function mountAdminApi(engine: Engine): Hono {
  const app = new Hono();
  app.route("/admin", createAdminApi(engine, { adminToken: ADMIN_TOKEN }));
  return app;
}

export function createAdminHarness(): AdminHarness {
  const clock = createFrozenClock(new Date(NOW));
  const engine = createEngine(
    { storage: createMemoryStorage({ clock }), clock },
    { issuer: "https://as.example.com" },
  );
  const app = mountAdminApi(engine);
  return { engine, clock, request: (method, path, options) => send(app, method, path, options) };
}

/**
 * The body of every admin error: the OAuth error shape, plus the path of the bad field when the problem is
 * one field's, and nothing else.
 */
export function expectError(
  response: AdminResponse,
  status: number,
  error: string,
  description?: RegExp,
  field?: string,
) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(response.json()).toEqual({
    error,
    error_description: expect.any(String),
    ...(field === undefined ? {} : { field }),
  });
  if (description !== undefined)
    expect(response.json<{ error_description: string }>().error_description).toMatch(description);
}
