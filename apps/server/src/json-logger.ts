import type { RequestLogger } from "@jwtgrant/http-hono";
import type { LogLevel } from "./config/server-config.js";

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface JsonLogger {
  log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
  readonly request: RequestLogger;
}

/** One JSON object per line on standard output, below `level` dropped. */
export function createJsonLogger(level: LogLevel, write: (line: string) => void): JsonLogger {
  const enabled = (candidate: LogLevel) => RANK[candidate] >= RANK[level];
  return {
    log(entryLevel, msg, fields = {}) {
      if (enabled(entryLevel))
        write(`${JSON.stringify({ time: new Date().toISOString(), level: entryLevel, msg, ...fields })}\n`);
    },
    request: {
      enabled,
      write: (record) => write(`${JSON.stringify({ ...record, msg: "request" })}\n`),
    },
  };
}
