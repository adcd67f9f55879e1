import { spawnSync } from "node:child_process";

/** What pinning PostgreSQL did, and how to undo it. */
export interface PostgresPinning {
  /** One line for the report. */
  readonly description: string;
  restore(): void;
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

function affinityOf(pid: string): string | null {
  const result = spawnSync("taskset", ["-p", "-c", pid], { encoding: "utf8" });
  return result.status === 0 ? (result.stdout.split(":").pop()?.trim() ?? null) : null;
}

function setAffinity(pid: string, cores: string): boolean {
  return spawnSync("taskset", ["-p", "-c", cores, pid], { stdio: "ignore" }).status === 0;
}

/**
 * Moves a local PostgreSQL (the postmaster and its backends; new backends inherit it) onto `core`, the load
 * generator's, so the server's core runs the server alone; `restore` puts every process back on the cores
 * it had. A remote database, or one whose processes this user cannot pin, is left as it is.
 */
export function pinLocalPostgres(databaseUrl: string, core: number): PostgresPinning {
  const unpinned = (why: string): PostgresPinning => ({
    description: `PostgreSQL unpinned (${why})`,
    restore: () => {},
  });
  if (!LOCAL_HOSTS.has(new URL(databaseUrl).hostname)) return unpinned("not on this machine");
  const pids = spawnSync("pgrep", ["-x", "postgres"], { encoding: "utf8" })
    .stdout.split("\n")
    .filter(Boolean);
  const original = new Map<string, string>();
  for (const pid of pids) {
    const cores = affinityOf(pid);
    if (cores !== null && setAffinity(pid, String(core))) original.set(pid, cores);
  }
  if (original.size === 0) return unpinned("its processes could not be pinned");
  return {
    description: `PostgreSQL (${original.size} processes) pinned to core ${core} with the load generator for the run, then restored`,
    restore: () => {
      for (const [pid, cores] of original) setAffinity(pid, cores);
    },
  };
}
