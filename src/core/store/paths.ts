/** File names inside a run directory, as Guild lays them out. */
import { join } from "node:path";

export const GUILD_DIR = ".guild";

export function guildPath(runDir: string, ...parts: string[]): string {
  return join(runDir, GUILD_DIR, ...parts);
}

export function attrsDir(runDir: string): string {
  return guildPath(runDir, "attrs");
}

export function attrPath(runDir: string, name: string): string {
  return guildPath(runDir, "attrs", name);
}

export function protoDir(runDir: string): string {
  return guildPath(runDir, "proto");
}

export const MARKER = {
  STAGED: "STAGED",
  PENDING: "PENDING",
  LOCK: "LOCK",
  LOCK_REMOTE: "LOCK.remote",
  /** Ours: the supervising process's heartbeat (store/heartbeat.ts). */
  HEARTBEAT: "HEARTBEAT",
} as const;
