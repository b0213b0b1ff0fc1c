/**
 * Process facts from /proc (Linux): whether a pid is alive, and its start
 * time, which tells the process we recorded from a later one that was given
 * the same (recycled) pid.
 */
import { readFileSync } from "node:fs";
import { hostname } from "node:os";

export interface ProcInfo {
  startTime: number; // clock ticks since boot (field 22 of /proc/<pid>/stat)
  state: string;
}

/**
 * The fields of /proc/<pid>/stat from field 3 (state) on. The command name
 * (field 2) may hold spaces and parens; the fields resume after the last ')'.
 */
export function procStatFields(pid: number): string[] | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** A process's argv from /proc/<pid>/cmdline (empty when gone or unreadable). */
export function procArgv(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").slice(0, -1);
  } catch {
    return [];
  }
}

export function procInfo(pid: number): ProcInfo | undefined {
  const rest = procStatFields(pid);
  if (!rest) return undefined;
  const state = rest[0] ?? "";
  const startTime = Number(rest[19]);
  return { state, startTime };
}

/** Alive and not a zombie; when `startTime` is given it must match too. */
export function isProcessAlive(pid: number, startTime?: number): boolean {
  const info = procInfo(pid);
  if (info === undefined) return process.platform !== "linux" && signalZeroAlive(pid);
  if (info.state === "Z" || info.state === "X") return false;
  return startTime === undefined || info.startTime === startTime;
}

function signalZeroAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

let cachedHost: string | undefined;

export function hostName(): string {
  cachedHost ??= hostname();
  return cachedHost;
}

let cachedIdentity: string | undefined;

/**
 * The host a process record belongs to: host name and boot id
 * (`name@bootid`). The boot id tells a rebooted machine from its former
 * self (its old pids mean nothing now); the name tells apart hosts that
 * share a kernel, as containers and the tests' simulated hosts (UTS
 * namespaces) do, where every boot id is the same.
 */
export function hostIdentity(): string {
  cachedIdentity ??= `${hostName()}@${bootId()}`;
  return cachedIdentity;
}

function bootId(): string {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim().replace(/-/g, "").slice(0, 12);
  } catch {
    return "-";
  }
}

/** The host name part of a recorded host (records written before boot ids hold the name alone). */
export function hostNameOf(host: string): string {
  const at = host.lastIndexOf("@");
  return at < 0 ? host : host.slice(0, at);
}

/**
 * Whether a record was made on this host (this boot), so that its pid can
 * be checked here. A record holding a host name alone (written before boot
 * ids were recorded, or by hand) is taken as local when the name matches.
 */
export function isLocalRecord(rec: ProcessId): boolean {
  const host = rec.host;
  if (host === undefined || host === hostIdentity()) return true;
  return !host.includes("@") && host === hostName();
}

/** The liveness record we keep for a process: pid, start time and host. */
export interface ProcessId {
  pid: number;
  startTime?: number;
  host?: string;
}

let self: ProcessId | undefined;

/** This process (remembered: it cannot change) or a child we started. */
export function currentProcessId(pid = process.pid): ProcessId {
  if (pid !== process.pid) return { pid, startTime: procInfo(pid)?.startTime, host: hostIdentity() };
  self ??= { pid, startTime: procInfo(pid)?.startTime, host: hostIdentity() };
  return self;
}

/**
 * Whether the recorded process is still the one running. A record from
 * another host cannot be checked from here (its pids are not ours), so it is
 * taken as alive: callers that can judge it by a lease (store/lease.ts) ask
 * `isLocalRecord` first.
 */
export function isRecordedProcessAlive(rec: ProcessId): boolean {
  if (!isLocalRecord(rec)) return true;
  return isProcessAlive(rec.pid, rec.startTime);
}
