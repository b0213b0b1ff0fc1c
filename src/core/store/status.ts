/**
 * A run's status is derived from its files, never stored (guild/run.py),
 * with the fixes later Guild made: the recorded exit status is checked
 * before the pid, and a dead process never shows as `running`.
 */
import { existsSync, readFileSync } from "node:fs";
import { isRecordedProcessAlive, type ProcessId } from "../util/proc.js";
import { readAttr } from "./attrs.js";
import { readLock, parseProcessId } from "./lock.js";
import { attrPath, guildPath, MARKER } from "./paths.js";

export const STATUSES = ["running", "pending", "staged", "completed", "error", "terminated"] as const;
export type RunStatus = (typeof STATUSES)[number];

export interface StatusFacts {
  remoteLock: boolean;
  /** PENDING present; `pendingStale` when its recorded claimer is gone. */
  pending: boolean;
  pendingStale: boolean;
  staged: boolean;
  remoteExitStatus: unknown;
  exitStatus: unknown;
  /** LOCK present; `lockAlive` when its process is the live run. */
  locked: boolean;
  lockAlive: boolean;
}

export function statusForExitStatus(code: unknown): RunStatus {
  if (code === 0) return "completed";
  if (typeof code === "number" && code < 0) return "terminated";
  return "error";
}

export function statusFromFacts(f: StatusFacts): RunStatus {
  if (f.remoteLock) return "running";
  // A claim whose owner died falls back to what the run was before it.
  if (f.pending && !(f.pendingStale && f.staged)) return "pending";
  if (f.staged) return "staged";
  if (f.remoteExitStatus !== undefined && f.remoteExitStatus !== null) {
    return f.remoteExitStatus === 0 ? "completed" : f.remoteExitStatus === 2 ? "terminated" : "error";
  }
  if (f.exitStatus !== undefined && f.exitStatus !== null) return statusForExitStatus(f.exitStatus);
  if (f.locked) return f.lockAlive ? "running" : "terminated";
  return "error";
}

/** The claimer recorded in PENDING (ours); Guild's empty marker has none. */
export function readPendingOwner(runDir: string): ProcessId | undefined {
  try {
    return parseProcessId(readFileSync(guildPath(runDir, MARKER.PENDING), "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * Files that are usually absent are tested with existsSync before reading:
 * a failed read throws, and at thousands of runs the exceptions show.
 */
export function statusFactsFor(runDir: string): StatusFacts {
  const pending = existsSync(guildPath(runDir, MARKER.PENDING));
  const owner = pending ? readPendingOwner(runDir) : undefined;
  const locked = !pending && existsSync(guildPath(runDir, MARKER.LOCK));
  const lock = locked ? readLock(runDir) : undefined;
  return {
    remoteLock: existsSync(guildPath(runDir, MARKER.LOCK_REMOTE)),
    pending,
    pendingStale: owner !== undefined && !isRecordedProcessAlive(owner),
    staged: existsSync(guildPath(runDir, MARKER.STAGED)),
    remoteExitStatus: readOptionalAttr(runDir, "exit_status.remote"),
    exitStatus: readOptionalAttr(runDir, "exit_status"),
    locked,
    lockAlive: lock !== undefined && isRecordedProcessAlive(lock),
  };
}

function readOptionalAttr(runDir: string, name: string): unknown {
  return existsSync(attrPath(runDir, name)) ? readAttr(runDir, name) : undefined;
}

export function runStatus(runDir: string): RunStatus {
  return statusFromFacts(statusFactsFor(runDir));
}
