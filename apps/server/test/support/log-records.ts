import type { RunningProcess } from "../../src/testing/server-process.js";

export type LogRecord = Readonly<Record<string, unknown>>;

/** The JSON log records a process has written so far; lines that are not JSON objects are skipped. */
function logRecords(process: RunningProcess): LogRecord[] {
  return process
    .output()
    .split("\n")
    .flatMap((line) => {
      try {
        const record: unknown = JSON.parse(line);
        return typeof record === "object" && record !== null ? [record as LogRecord] : [];
      } catch {
        return [];
      }
    });
}

/**
 * The first log record that `matches`, once the process has written it: a response may reach the test
 * before the log line it wrote ahead of it has come through the pipe.
 */
export function nextLogRecord(
  process: RunningProcess,
  matches: (record: LogRecord) => boolean,
  timeoutMs = 5000,
): Promise<LogRecord> {
  const stdout = process.child.stdout;
  return new Promise((resolve, reject) => {
    const check = () => {
      const found = logRecords(process).find(matches);
      if (found === undefined) return;
      stop();
      resolve(found);
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no log record matched within ${timeoutMs} ms:\n${process.output()}`));
    }, timeoutMs);
    const stop = () => {
      clearTimeout(timer);
      stdout?.off("data", check);
    };
    stdout?.on("data", check);
    check();
  });
}
