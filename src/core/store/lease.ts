/**
 * Leases: how one host judges a process on another. Pids mean nothing
 * across hosts, so a process there is alive while a file it keeps fresh
 * (a run's HEARTBEAT, a claim) was written within the lease. The age is
 * measured against "now" read from the shared filesystem itself (the mtime
 * of a probe file we write), so hosts whose clocks disagree still agree
 * on which leases have run out.
 */
import { closeSync, mkdirSync, openSync, statSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { fail } from "../errors.js";
import { hostIdentity } from "../util/proc.js";

export const DEFAULT_LEASE_SECONDS = 30;

/** The lease length: `GUILD_LEASE` seconds, else 30. */
export function leaseMs(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.GUILD_LEASE;
  if (text === undefined || text === "") return DEFAULT_LEASE_SECONDS * 1000;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) fail(`invalid GUILD_LEASE '${text}': expected a number of seconds greater than 0`);
  return seconds * 1000;
}

/** How long a probe of the shared clock is reused: a listing of many runs probes once. */
const PROBE_REUSE_MS = 1000;
let probe: { dir: string; offsetMs: number; at: number } | undefined;

/**
 * "Now" as the filesystem holding `home` sees it: the mtime of a file we
 * have just written there (falls back to our clock if it cannot be written).
 */
export function sharedNowMs(home: string): number {
  const now = Date.now();
  const dir = join(home, "cache", "clock");
  if (probe && probe.dir === dir && now - probe.at < PROBE_REUSE_MS) return now + probe.offsetMs;
  try {
    const path = join(dir, hostIdentity());
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, `${now}\n`);
    const mtime = statSync(path).mtimeMs;
    probe = { dir, offsetMs: mtime - now, at: now };
    return mtime;
  } catch {
    return now;
  }
}

/** The Guild home a run dir belongs to (`<home>/runs/<id>`). */
export function homeOfRunDir(runDir: string): string {
  return dirname(dirname(runDir));
}

/** Whether `path` was written within `lease` ms of the shared "now"; false when it is gone. */
export function isLeaseFresh(path: string, home: string, lease = leaseMs()): boolean {
  let mtime: number;
  try {
    mtime = statSync(path).mtimeMs;
  } catch {
    return false;
  }
  return sharedNowMs(home) - mtime <= lease;
}

/**
 * Renews a file's mtime by writing to it (a write, not utimes: on NFS the
 * server then stamps it with its own clock). Never creates the file: false
 * when it is gone (renamed away by a claim, removed at the end of a run).
 */
export function touchFile(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, "r+");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw e;
  }
  try {
    writeSync(fd, "\n", 0);
  } finally {
    closeSync(fd);
  }
  return true;
}
