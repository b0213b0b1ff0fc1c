/**
 * A run's status is derived from its files, never stored (guild/run.py),
 * with the fixes later Guild made: the recorded exit status is checked
 * before the pid, and a dead process never shows as `running`. Claims (see
 * claim.ts) add two states: a live claim is `pending`, and a claim whose
 * process died before the run started leaves the run `staged` (or
 * `terminated`, when it was being started at once).
 */
import { existsSync } from "node:fs";
import { readOptionalAttr } from "./attrs.js";
import { runClaims, type ClaimState } from "./claim.js";
import { isLockAlive } from "./lock.js";
import { guildPath, MARKER } from "./paths.js";

export const STATUSES = ["running", "pending", "staged", "completed", "error", "terminated"] as const;
export type RunStatus = (typeof STATUSES)[number];

export interface StatusFacts {
  remoteLock: boolean;
  /** Guild's PENDING marker (a Guild queue's claim, or a run Guild is making). */
  pending: boolean;
  claim: ClaimState;
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
  if (f.pending || f.claim === "claimed") return "pending";
  if (f.claim === "staged") return "staged";
  if (f.remoteExitStatus !== undefined && f.remoteExitStatus !== null) {
    return f.remoteExitStatus === 0 ? "completed" : f.remoteExitStatus === 2 ? "terminated" : "error";
  }
  if (f.exitStatus !== undefined && f.exitStatus !== null) return statusForExitStatus(f.exitStatus);
  if (f.locked) return f.lockAlive ? "running" : "terminated";
  // Claimed, never started, and its claimer died: a staged run (or a
  // batch's trial) can be started again; a run being started at once was
  // killed before it could start.
  if (f.claim === "abandoned") return "staged";
  if (f.claim === "interrupted") return "terminated";
  return "error";
}

/**
 * The facts of a run dir, each read only when `statusFromFacts` asks for it
 * (a staged run costs an existence check and a directory listing, not a
 * dozen reads). Files that are usually absent are tested with existsSync
 * before reading: a failed read throws, and at thousands of runs the
 * exceptions show.
 */
export function statusFactsFor(runDir: string): StatusFacts {
  const cache = new Map<keyof StatusFacts, unknown>();
  const memo = <K extends keyof StatusFacts>(key: K, read: () => StatusFacts[K]): StatusFacts[K] => {
    if (!cache.has(key)) cache.set(key, read());
    return cache.get(key) as StatusFacts[K];
  };
  const has = (name: string) => existsSync(guildPath(runDir, name));
  const facts: StatusFacts = {
    get remoteLock() {
      return memo("remoteLock", () => has(MARKER.LOCK_REMOTE));
    },
    get pending() {
      return memo("pending", () => has(MARKER.PENDING));
    },
    get claim() {
      return memo("claim", () => runClaims.stateOf(runDir));
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
      return memo("lockAlive", () => facts.locked && isLockAlive(runDir));
    },
  };
  return facts;
}



export function runStatus(runDir: string): RunStatus {
  return statusFromFacts(statusFactsFor(runDir));
}
