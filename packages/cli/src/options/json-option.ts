import { Option } from "commander";

/** `--json`: the raw JSON (the API's own, for the server commands) instead of output for people. */
export function jsonOption(): Option {
  return new Option("--json", "print JSON, for scripts");
}
