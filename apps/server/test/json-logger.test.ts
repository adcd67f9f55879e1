import { describe, expect, it } from "vitest";
import { createJsonLogger } from "../src/json-logger.js";

describe("JSON logger", () => {
  it("writes records at or above its level, one JSON object per line, and drops the rest", () => {
    const lines: string[] = [];
    const logger = createJsonLogger("warn", (line) => lines.push(line));
    logger.log("info", "listening");
    logger.log("error", "start-up failed", { error: "boom" });
    expect(logger.request.enabled("info")).toBe(false);
    expect(logger.request.enabled("warn")).toBe(true);
    logger.request.write({
      time: "2026-01-01T00:00:00.000Z",
      level: "warn",
      request_id: "r-1",
      method: "POST",
      path: "/oauth2/token",
      status: 400,
      duration_ms: 1.5,
      endpoint: "token",
    });
    expect(lines.map((line) => line.endsWith("\n"))).toEqual([true, true]);
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ level: "error", msg: "start-up failed", error: "boom" }),
      expect.objectContaining({ level: "warn", msg: "request", request_id: "r-1", status: 400 }),
    ]);
  });

  it("hides the userinfo of every URL in a log line, in its fields and in request records", () => {
    const lines: string[] = [];
    const logger = createJsonLogger("info", (line) => lines.push(line));
    logger.log("error", "start-up failed", { error: "cannot reach postgres://jwtgrant:s3cret@db:5432/x" });
    logger.request.write({
      time: "2026-01-01T00:00:00.000Z",
      level: "error",
      request_id: "r-2",
      method: "GET",
      path: "/readyz",
      status: 503,
      duration_ms: 1,
      endpoint: "ready",
      detail: "database unavailable at postgresql://admin:hunter2@db/x",
    });
    expect(lines.join()).not.toMatch(/s3cret|hunter2/);
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ error: "cannot reach postgres://***@db:5432/x" }),
      expect.objectContaining({ detail: "database unavailable at postgresql://***@db/x" }),
    ]);
  });
});
