import { redactUrlUserinfo } from "@jwtgrant/core";
import type { RequestLogger } from "@jwtgrant/http-hono";
import type { LogLevel } from "./config/server-config.js";

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface JsonLogger {
  log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
  readonly request: RequestLogger;
}

/**
 * One JSON object per line on standard output, below `level` dropped. No line carries the userinfo of a
 * URL: an error's message may quote a connection string with its password.
 */
export function createJsonLogger(level: LogLevel, write: (line: string) => void): JsonLogger {
  const enabled = (candidate: LogLevel) => RANK[candidate] >= RANK[level];
  const writeRecord = (record: object) => write(`${redactUrlUserinfo(JSON.stringify(record))}\n`);
  return {
    log(entryLevel, msg, fields = {}) {
      if (enabled(entryLevel))
        writeRecord({ time: new Date().toISOString(), level: entryLevel, msg, ...fields });
    },
    request: {
      enabled,
      write: (record) => writeRecord({ ...record, msg: "request" }),
    },
  };
}
