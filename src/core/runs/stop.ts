/**
 * Stopping runs (`guild runs stop`, and `runs rm` of running runs): SIGTERM
 * to the process in the run's LOCK and every process it started, then (by
 * default) a wait until they are gone and the run has recorded how it ended
 * (`terminated`, exit status -15, written by the `guild` process that
 * started it). `force` sends SIGKILL to what is left after the timeout.
 */
import { existsSync } from "node:fs";
import type { Ctx } from "../context.js";
import { listUnfinishedRuns } from "../store/list-runs.js";
import { readLock } from "../store/lock.js";
import { guildPath, MARKER } from "../store/paths.js";
import { hostNameOf, isLocalRecord, isProcessAlive, isRecordedProcessAlive } from "../util/proc.js";
import { processTree, signalAll } from "../util/proc-tree.js";
import { isGateWatcher } from "../run/supervision.js";

export const DEFAULT_STOP_TIMEOUT_S = 30;
/** How long a stopped run's `guild` process gets to record its end. */
const FINALIZE_GRACE_MS = 3000;
const POLL_MS = 100;

export interface StopOptions {
  wait: boolean;
  timeoutMs: number;
  force: boolean;
}

export interface RunToStop {
  id: string;
  dir: string;
}

/** Pids still alive after stopping (empty when all stopped). */
export async function stopRun(run: RunToStop, opts: StopOptions, ctx: Ctx): Promise<number[]> {
  const lock = readLock(run.dir);
  if (!lock || !isRecordedProcessAlive(lock)) {
    ctx.out.stdout(`Run ${run.id} is not running\n`);
    return [];
  }
  if (!isLocalRecord(lock)) {
    // Its pids are another host's: signalling them here would hit strangers.
    ctx.out.stdout(`Run ${run.id} is running on host ${hostNameOf(lock.host ?? "")}: stop it there\n`);
    return [];
  }
  ctx.out.stdout(`Stopping ${run.id} (pid ${lock.pid})\n`);
  const tree = processTree(lock.pid, otherRunPids(run.dir, ctx.home));
  signalAll(tree, "SIGTERM");
  const pids = tree.filter((pid) => !isGateWatcher(pid));
  if (!opts.wait) return [];
  let alive = await waitForExit(pids, opts.timeoutMs);
  if (alive.length && opts.force) {
    signalAll(alive, "SIGKILL");
    alive = await waitForExit(alive, opts.timeoutMs);
  }
  if (!alive.length) await waitFor(() => !existsSync(guildPath(run.dir, MARKER.LOCK)), FINALIZE_GRACE_MS);
  return alive;
}

/** The live processes of the other running runs. */
function otherRunPids(runDir: string, home: string): Set<number> {
  const pids = new Set<number>();
  // A finished run has no process: only unfinished ones are looked at.
  for (const entry of listUnfinishedRuns(home)) {
    if (entry.dir === runDir) continue;
    const lock = readLock(entry.dir);
    if (lock && isLocalRecord(lock) && isRecordedProcessAlive(lock)) pids.add(lock.pid);
  }
  return pids;
}

async function waitForExit(pids: readonly number[], timeoutMs: number): Promise<number[]> {
  const alive = () => pids.filter((pid) => isProcessAlive(pid));
  await waitFor(() => alive().length === 0, timeoutMs);
  return alive();
}

async function waitFor(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, POLL_MS));
}
