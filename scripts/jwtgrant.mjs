#!/usr/bin/env node
// `pnpm jwtgrant …`: runs the built CLI, building it first only when a source it is built from is newer
// than the build. The build says nothing unless it fails; the CLI's own output is all a user sees.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const bin = join(root, "packages/cli/dist/bin.js");
// The CLI and the workspace packages it imports at run time.
const sources = ["cli", "core", "storage-postgres"].flatMap((name) => [
  join(root, "packages", name, "src"),
  join(root, "packages", name, "package.json"),
]);

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestChange(join(path, entry))),
    stat.mtimeMs,
  );
}

const stale = !existsSync(bin) || sources.some((source) => newestChange(source) > statSync(bin).mtimeMs);
if (stale) {
  const build = spawnSync(
    "pnpm",
    ["exec", "turbo", "run", "build", "--filter=@jwtgrant/cli...", "--output-logs=errors-only"],
    { cwd: root, encoding: "utf8" },
  );
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout}${build.stderr}jwtgrant: building the CLI failed\n`);
    process.exit(build.status ?? 1);
  }
  // A build turbo answered from its cache leaves the files as they were: mark this one as checked now.
  const now = new Date();
  utimesSync(bin, now, now);
}

const cli = spawn(process.execPath, [bin, ...process.argv.slice(2)], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => cli.kill(signal));
cli.on("exit", (code, signal) =>
  signal === null ? process.exit(code ?? 1) : process.kill(process.pid, signal),
);
