/**
 * The `.guild/LOCK` file: the pid of a run's operation process.
 *
 * Guild reads the pid as an int from the file's first 10 bytes, so the pid
 * line is padded to exactly 10 bytes; our second line adds the process start
 * time and host, so a recycled pid or a LOCK from another machine is never
 * mistaken for the live run, and the `guild` process that started it and
 * will record its end (`guild=<pid>.<start time>`), so a run whose process
 * has just exited is not taken for dead while its end is being recorded.
 * Files written by Guild (pid only) still read.
 */
import { readFileSync } from "node:fs";
import { writeFileAtomic, removeFile } from "./atomic.js";
import { guildPath, MARKER } from "./paths.js";
import { isLocalRecord, isRecordedProcessAlive, type ProcessId } from "../util/proc.js";
import { isRemoteRunAlive } from "./heartbeat.js";

const PID_FIELD_BYTES = 10;

export interface LockRecord extends ProcessId {
  /** The `guild` process that started the run and records its end, when another process. */
  supervisor?: { pid: number; startTime?: number };
}

export function formatProcessId(p: LockRecord): string {
  const pidLine = `${p.pid}`.padEnd(PID_FIELD_BYTES - 1) + "\n";
  const sup = p.supervisor;
  const extra = [
    p.startTime !== undefined ? `start=${p.startTime}` : "",
    p.host !== undefined ? `host=${p.host}` : "",
    sup ? `guild=${sup.pid}.${sup.startTime ?? "-"}` : "",
  ].filter(Boolean);
  return extra.length ? `${pidLine}${extra.join(" ")}\n` : pidLine;
}

export function parseProcessId(text: string): LockRecord | undefined {
  const pid = Number.parseInt(text.slice(0, PID_FIELD_BYTES).trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0 || !/^\s*\d+\s*$/.test(text.slice(0, PID_FIELD_BYTES))) {
    return undefined;
  }
  const rec: LockRecord = { pid };
  for (const field of text.slice(PID_FIELD_BYTES).trim().split(/\s+/)) {
    const [key, value] = field.split("=", 2);
    if (key === "start" && value && /^\d+$/.test(value)) rec.startTime = Number(value);
    if (key === "host" && value) rec.host = value;
    const sup = key === "guild" && value ? /^(\d+)\.(\d+|-)$/.exec(value) : null;
    if (sup) rec.supervisor = { pid: Number(sup[1]), ...(sup[2] === "-" ? {} : { startTime: Number(sup[2]) }) };
  }
  return rec;
}

export function readLock(runDir: string): LockRecord | undefined {
  try {
    return parseProcessId(readFileSync(guildPath(runDir, MARKER.LOCK), "utf8"));
  } catch {
    return undefined;
  }
}

export function writeLock(runDir: string, p: LockRecord): void {
  writeFileAtomic(guildPath(runDir, MARKER.LOCK), formatProcessId(p));
}

export function removeLock(runDir: string): void {
  removeFile(guildPath(runDir, MARKER.LOCK));
}

/**
 * Whether the run is live: the process in its LOCK is still the one it
 * started, or has just exited and the `guild` process that started it is
 * still recording its end. A run on another host is judged by its
 * heartbeat instead: its pids are not ours to check.
 */
export function isLockAlive(runDir: string): boolean {
  const lock = readLock(runDir);
  if (lock === undefined) return false;
  if (!isLocalRecord(lock)) return isRemoteRunAlive(runDir);
  if (isRecordedProcessAlive(lock)) return true;
  const sup = lock.supervisor;
  return sup !== undefined && isRecordedProcessAlive({ ...sup, host: lock.host });
}
