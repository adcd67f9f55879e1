import { Option } from "commander";
import { parseHttpUrl } from "./parse-values.js";

const DEFAULT_URL = "http://127.0.0.1:8080";

export interface ServerOptions {
  readonly url: URL;
}

/** `--url`: the server's base URL, for the admin commands and `token`. */
export function serverUrlOption(): Option {
  return new Option("--url <url>", "the server's base URL")
    .env("JWTGRANT_URL")
    .default(new URL(DEFAULT_URL), DEFAULT_URL)
    .argParser(parseHttpUrl);
}
