/**
 * The run's heartbeat: `.guild/HEARTBEAT`, written atomically by the `guild`
 * process supervising the run, every few seconds while it runs, one line:
 *
 *   host=<name@boot> pid=<pid> start=<start time> seq=<n> lease=<seconds>
 *
 * Another host decides whether the run is still alive from its age against
 * the lease it names (lease.ts); this host decides by the pid, as ever.
 * Written before LOCK and removed after it, so a LOCK from another host
 * always has a heartbeat to judge it by (a LOCK without one, written by an
 * older version or by hand, is judged by its own age).
 */
import { readFileSync } from "node:fs";
import { removeFile, writeFileAtomic } from "./atomic.js";
import { keepFresh, stopKeeping } from "./lease-keeper.js";
import { homeOfRunDir, isLeaseFresh, leaseMs } from "./lease.js";
import { guildPath, MARKER } from "./paths.js";
import { currentProcessId, type ProcessId } from "../util/proc.js";

export interface Heartbeat extends ProcessId {
  seq: number;
  leaseSeconds: number;
}

export function formatHeartbeat(h: Heartbeat): string {
  return `host=${h.host ?? "-"} pid=${h.pid} start=${h.startTime ?? "-"} seq=${h.seq} lease=${h.leaseSeconds}\n`;
}

export function parseHeartbeat(text: string): Heartbeat | undefined {
  const fields = new Map<string, string>();
  for (const field of text.trim().split(/\s+/)) {
    const eq = field.indexOf("=");
    if (eq > 0) fields.set(field.slice(0, eq), field.slice(eq + 1));
  }
  const pid = Number(fields.get("pid"));
  const seq = Number(fields.get("seq"));
  const leaseSeconds = Number(fields.get("lease"));
  if (!Number.isSafeInteger(pid) || pid <= 0 || !Number.isSafeInteger(seq) || !(leaseSeconds > 0)) return undefined;
  const h: Heartbeat = { pid, seq, leaseSeconds };
  const host = fields.get("host");
  const start = fields.get("start");
  if (host && host !== "-") h.host = host;
  if (start && /^\d+$/.test(start)) h.startTime = Number(start);
  return h;
}

export function readHeartbeat(runDir: string): Heartbeat | undefined {
  try {
    return parseHeartbeat(readFileSync(guildPath(runDir, MARKER.HEARTBEAT), "utf8"));
  } catch {
    return undefined;
  }
}

/** Starts this process's heartbeat for a run; returns the function that ends it. */
export function startHeartbeat(runDir: string): () => void {
  const path = guildPath(runDir, MARKER.HEARTBEAT);
  const leaseSeconds = leaseMs() / 1000;
  let seq = 0;
  const write = () => {
    seq += 1;
    writeFileAtomic(path, formatHeartbeat({ ...currentProcessId(), seq, leaseSeconds }));
    return true;
  };
  write();
  keepFresh(path, write);
  return () => {
    stopKeeping(path);
    removeFile(path);
  };
}

/**
 * Whether a run supervised on another host is alive: its heartbeat (or,
 * lacking one, its LOCK) is younger than the lease.
 */
export function isRemoteRunAlive(runDir: string): boolean {
  const home = homeOfRunDir(runDir);
  const beat = readHeartbeat(runDir);
  if (beat) return isLeaseFresh(guildPath(runDir, MARKER.HEARTBEAT), home, beat.leaseSeconds * 1000);
  return isLeaseFresh(guildPath(runDir, MARKER.LOCK), home);
}
