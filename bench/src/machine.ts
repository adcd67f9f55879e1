import { spawnSync } from "node:child_process";
import { cpus } from "node:os";

export interface MachineFacts {
  readonly cpuModel: string;
  readonly cores: number;
  readonly node: string;
  /** `taskset` can pin processes to cores here. */
  readonly pinning: boolean;
}

export function machineFacts(): MachineFacts {
  const pinning = spawnSync("taskset", ["-c", "0", "true"]).status === 0;
  return {
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    cores: cpus().length,
    node: process.version,
    pinning,
  };
}

/** The command that runs `argv` on one core when pinning is possible, else as it is. */
export function pinned(core: number, argv: readonly string[], pinning: boolean): string[] {
  return pinning ? ["taskset", "-c", String(core), ...argv] : [...argv];
}
