/**
 * The `.guild/LOCK` file: the pid of a run's operation process.
 *
 * Guild reads the pid as an int from the file's first 10 bytes, so the pid
 * line is padded to exactly 10 bytes; our second line adds the process start
 * time and host, so a recycled pid or a LOCK from another machine is never
 * mistaken for the live run. Files written by Guild (pid only) still read.
 */
import { readFileSync } from "node:fs";
import { writeFileAtomic, removeFile } from "./atomic.js";
import { guildPath, MARKER } from "./paths.js";
import { isRecordedProcessAlive, type ProcessId } from "../util/proc.js";

const PID_FIELD_BYTES = 10;

export function formatProcessId(p: ProcessId): string {
  const pidLine = `${p.pid}`.padEnd(PID_FIELD_BYTES - 1) + "\n";
  const extra = [
    p.startTime !== undefined ? `start=${p.startTime}` : "",
    p.host !== undefined ? `host=${p.host}` : "",
  ].filter(Boolean);
  return extra.length ? `${pidLine}${extra.join(" ")}\n` : pidLine;
}

export function parseProcessId(text: string): ProcessId | undefined {
  const pid = Number.parseInt(text.slice(0, PID_FIELD_BYTES).trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0 || !/^\s*\d+\s*$/.test(text.slice(0, PID_FIELD_BYTES))) {
    return undefined;
  }
  const rec: ProcessId = { pid };
  for (const field of text.slice(PID_FIELD_BYTES).trim().split(/\s+/)) {
    const [key, value] = field.split("=", 2);
    if (key === "start" && value && /^\d+$/.test(value)) rec.startTime = Number(value);
    if (key === "host" && value) rec.host = value;
  }
  return rec;
}

export function readLock(runDir: string): ProcessId | undefined {
  try {
    return parseProcessId(readFileSync(guildPath(runDir, MARKER.LOCK), "utf8"));
  } catch {
    return undefined;
  }
}

export function writeLock(runDir: string, p: ProcessId): void {
  writeFileAtomic(guildPath(runDir, MARKER.LOCK), formatProcessId(p));
}

export function removeLock(runDir: string): void {
  removeFile(guildPath(runDir, MARKER.LOCK));
}

/** Whether the run's LOCK names a process that is still the one it started. */
export function isLockAlive(runDir: string): boolean {
  const lock = readLock(runDir);
  return lock !== undefined && isRecordedProcessAlive(lock);
}
