/**
 * A process named in a file name: `<pid>.<start time>.<host>`. Claims and
 * the directories new runs are assembled in carry their owner this way, so
 * that one rename or one directory listing tells who holds what, and
 * whether that process is still alive (see util/proc.ts).
 */
import { currentProcessId, isLocalRecord, isRecordedProcessAlive, type ProcessId } from "../util/proc.js";
import { isLeaseFresh } from "./lease.js";

export function ownerKeyFor(p: ProcessId): string {
  return `${p.pid}.${p.startTime ?? "-"}.${encodeURIComponent(p.host ?? "")}`;
}

export function parseOwnerKey(key: string): ProcessId | undefined {
  const m = /^(\d+)\.(\d+|-)\.(.*)$/.exec(key);
  if (!m) return undefined;
  const pid = Number(m[1]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  let host: string;
  try {
    host = decodeURIComponent(m[3] as string);
  } catch {
    return undefined;
  }
  const owner: ProcessId = { pid };
  if (m[2] !== "-") owner.startTime = Number(m[2]);
  if (host) owner.host = host;
  return owner;
}

let ownKey: string | undefined;

/** This process's key (computed once: it cannot change). */
export function currentOwnerKey(): string {
  ownKey ??= ownerKeyFor(currentProcessId());
  return ownKey;
}

/**
 * Whether the owner a key names is alive; an unreadable key counts as alive.
 * An owner on another host is judged by the lease on `lease.file` (the file
 * named by the key, which its owner keeps fresh), when one is given.
 */
export function isOwnerKeyAlive(key: string, lease?: { file: string; home: string }): boolean {
  const owner = parseOwnerKey(key);
  if (owner === undefined) return true;
  if (lease && !isLocalRecord(owner)) return isLeaseFresh(lease.file, lease.home);
  return isRecordedProcessAlive(owner);
}
