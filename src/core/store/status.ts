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
 * The facts of a run dir, each read only when `statusFromFacts` asks for it
 * (a staged run costs three existence checks, not a dozen reads). Files
 * that are usually absent are tested with existsSync before reading: a
 * failed read throws, and at thousands of runs the exceptions show.
 */
export function statusFactsFor(runDir: string): StatusFacts {
  const cache = new Map<keyof StatusFacts, unknown>();
  const memo = <K extends keyof StatusFacts>(key: K, read: () => StatusFacts[K]): StatusFacts[K] => {
    if (!cache.has(key)) cache.set(key, read());
    return cache.get(key) as StatusFacts[K];
  };
  const has = (name: string) => existsSync(guildPath(runDir, name));
  const lock = () => (facts.locked ? readLock(runDir) : undefined);
  const facts: StatusFacts = {
    get remoteLock() {
      return memo("remoteLock", () => has(MARKER.LOCK_REMOTE));
    },
    get pending() {
      return memo("pending", () => has(MARKER.PENDING));
    },
    get pendingStale() {
      return memo("pendingStale", () => {
        const owner = facts.pending ? readPendingOwner(runDir) : undefined;
        return owner !== undefined && !isRecordedProcessAlive(owner);
      });
    },
    get staged() {
      return memo("staged", () => has(MARKER.STAGED));
    },
    get remoteExitStatus() {
      return memo("remoteExitStatus", () => readOptionalAttr(runDir, "exit_status.remote"));
    },
    get exitStatus() {
      return memo("exitStatus", () => readOptionalAttr(runDir, "exit_status"));
    },
    get locked() {
      return memo("locked", () => !facts.pending && has(MARKER.LOCK));
    },
    get lockAlive() {
      return memo("lockAlive", () => {
        const rec = lock();
        return rec !== undefined && isRecordedProcessAlive(rec);
      });
    },
  };
  return facts;
}

function readOptionalAttr(runDir: string, name: string): unknown {
  return existsSync(attrPath(runDir, name)) ? readAttr(runDir, name) : undefined;
}

export function runStatus(runDir: string): RunStatus {
  return statusFromFacts(statusFactsFor(runDir));
}
