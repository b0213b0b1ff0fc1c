/**
 * Claiming runs: the one place that decides which process may start a run.
 *
 * A claim is the run's `PENDING` marker created with O_EXCL and holding the
 * claimer's pid, start time and host; exactly one process can create it. A
 * claim whose owner has died is stale and may be broken by the next claimer,
 * so a queue killed between claiming and starting loses no run. Guild's own
 * (empty) PENDING markers are never treated as stale.
 *
 * Everything else (queues, `--start`, batches) goes through these functions,
 * so another backend (a networked queue coordinating several machines) can
 * replace this module without touching its callers.
 */
import { existsSync, readFileSync, renameSync } from "node:fs";
import { createExclusive, removeFile } from "./atomic.js";
import { formatProcessId, parseProcessId } from "./lock.js";
import { guildPath, MARKER } from "./paths.js";
import { currentProcessId, isRecordedProcessAlive } from "../util/proc.js";

export type ClaimResult = "claimed" | "taken" | "not-staged";

function pendingPath(runDir: string): string {
  return guildPath(runDir, MARKER.PENDING);
}

/** Claims a staged run for starting. `requireStaged: false` claims any run. */
export function claimRun(runDir: string, opts: { requireStaged: boolean } = { requireStaged: true }): ClaimResult {
  const owner = formatProcessId(currentProcessId());
  if (!createExclusive(pendingPath(runDir), owner)) {
    if (!breakStaleClaim(runDir) || !createExclusive(pendingPath(runDir), owner)) return "taken";
  }
  // Checked after claiming: a run started (and un-staged) by another process
  // since we listed it must not start again.
  if (opts.requireStaged && !existsSync(guildPath(runDir, MARKER.STAGED))) {
    removeFile(pendingPath(runDir));
    return "not-staged";
  }
  return "claimed";
}

/** Gives a claimed run back unchanged (it stays staged). */
export function releaseClaim(runDir: string): void {
  removeFile(pendingPath(runDir));
}

/** Ends a claim once the run is started (its LOCK written) or staged. */
export function completeClaim(runDir: string): void {
  removeFile(pendingPath(runDir));
}

export function isClaimStale(runDir: string): boolean {
  let text: string;
  try {
    text = readFileSync(pendingPath(runDir), "utf8");
  } catch {
    return false;
  }
  const owner = parseProcessId(text);
  return owner !== undefined && !isRecordedProcessAlive(owner);
}

/**
 * Removes a stale claim. The marker is first renamed to a name unique to us,
 * so two processes breaking the same stale claim cannot remove a fresh one.
 */
function breakStaleClaim(runDir: string): boolean {
  if (!isClaimStale(runDir)) return false;
  const aside = `${pendingPath(runDir)}.stale.${process.pid}`;
  try {
    renameSync(pendingPath(runDir), aside);
  } catch {
    return false;
  }
  const text = readFileSync(aside, "utf8");
  removeFile(aside);
  const owner = parseProcessId(text);
  if (owner === undefined || isRecordedProcessAlive(owner)) {
    // Another process broke the stale claim and claimed the run between our
    // check and our rename: put its claim back and leave the run to it.
    createExclusive(pendingPath(runDir), text);
    return false;
  }
  return true;
}
