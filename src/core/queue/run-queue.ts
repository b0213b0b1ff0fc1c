/**
 * The `queue` driver (Guild's queue_main): starts staged runs one at a time,
 * oldest first, until none is left (`run-once`) or forever, polling every
 * `poll-interval` seconds. Several queues may drain one store: a run is
 * started only by the queue whose claim on it succeeds (start-staged.ts
 * starts it).
 */
import type { Ctx } from "../context.js";
import { readAttr } from "../store/attrs.js";
import { runClaims } from "../store/claim.js";
import { listUnfinishedRuns, type RunEntry } from "../store/list-runs.js";
import { readOpref } from "../store/opref.js";
import { isStagedNow } from "../store/run-stamp.js";
import { runStatus } from "../store/status.js";
import { shortId } from "../store/ids.js";
import type { StartRequest } from "../run/start.js";
import { isTerminating, sleepUnlessTerminated, TERMINATED_EXIT_STATUS } from "../run/termination.js";
import { startRunProgress, type RunProgress } from "../progress/run-progress.js";
import { queueLogFor } from "./queue-log.js";
import { queueState, type QueueState } from "./queue-state.js";
import { startRun } from "./start-staged.js";


export async function runQueue(req: StartRequest, ctx: Ctx): Promise<number> {
  const progress = startRunProgress("queue", "runs", 0, ctx);
  try {
    return await drainQueue(req, progress, progress.ctx);
  } finally {
    progress.close();
  }
}

async function drainQueue(req: StartRequest, progress: RunProgress, ctx: Ctx): Promise<number> {
  const state = queueState(req.runId, req.flags, queueLogFor(ctx.out), progress);
  if (state.runOnce) {
    state.log("INFO", "Processing staged runs");
    await processStaged(state, ctx);
    return isTerminating() ? TERMINATED_EXIT_STATUS : 0;
  }
  const start = Date.now();
  while (!isTerminating()) {
    await processStaged(state, ctx);
    await sleepUnlessTerminated(msToNextPoll(Date.now() - start, state.pollMs));
  }
  return TERMINATED_EXIT_STATUS;
}

/** Polls stay aligned to the queue's start, as Guild's do. */
export function msToNextPoll(elapsedMs: number, pollMs: number): number {
  return pollMs - (elapsedMs % pollMs);
}

async function processStaged(state: QueueState, ctx: Ctx): Promise<void> {
  for (;;) {
    if (isTerminating()) return;
    const run = claimNextRun(state, ctx);
    if (!run) break;
    await startRun(run, state, ctx);
  }
  if (!state.loggedWaiting) {
    if (!state.runOnce) state.log("INFO", "Waiting for staged runs");
    state.loggedWaiting = true;
  }
}

/**
 * Claims the oldest staged run it can. The staged runs one listing finds are
 * tried in turn before the store is listed again: a listing of a store of
 * 10,000 runs costs more than starting a no-op run, and a run staged
 * meanwhile is newer than all of them, so Guild's order (it lists before
 * each start) holds. Each is checked (a stat) and claimed (atomic) when its
 * turn comes, so one started or removed meanwhile is passed over. Waiting
 * for running runs needs a fresh look at them each time: no reuse then.
 */
function claimNextRun(state: QueueState, ctx: Ctx): RunEntry | undefined {
  if (!state.waitForRunning) {
    const run = claimFirst(state.candidates, state, []);
    if (run) return run;
  }
  const live = listUnfinishedRuns(ctx.home);
  const blocking = state.waitForRunning ? live.filter((r) => isBlocking(r, state)) : [];
  const staged = live.filter((r) => !state.unstartable.has(r.id) && isStagedNow(r));
  syncState(state, blocking, staged);
  state.candidates = staged;
  return claimFirst(staged, state, blocking);
}

/** Takes `candidates` (newest first) from the end until one is claimed. */
function claimFirst(candidates: RunEntry[], state: QueueState, blocking: RunEntry[]): RunEntry | undefined {
  for (let run = candidates.pop(); run; run = candidates.pop()) {
    // Checked again at its turn (a stat): the listing may be many runs old.
    if (state.unstartable.has(run.id) || !isStagedNow(run)) continue;
    if (gpuMismatch(run, state) || isWaiting(run, blocking, state)) continue;
    if (runClaims.claimStaged(run.dir) !== "claimed") continue;
    state.progress.setTotal(state.done + candidates.length + 1);
    return run;
  }
  return undefined;
}

export function isBlocking(run: RunEntry, state: QueueState): boolean {
  if (run.id === state.selfId || readOpref(run.dir)?.opName === "queue") return false;
  return runStatus(run.dir) === "running";
}

/** Forgets runs no longer staged, and waits that are over. */
function syncState(state: QueueState, blocking: RunEntry[], staged: RunEntry[]): void {
  const stagedIds = new Set(staged.map((r) => r.id));
  if (!blocking.length && state.waiting.size) {
    state.waiting.clear();
    state.loggedWaiting = false;
  }
  for (const set of [state.waiting, state.gpuMismatch]) {
    for (const id of set) if (!stagedIds.has(id)) set.delete(id);
  }
}

export function gpuMismatch(run: RunEntry, state: QueueState): boolean {
  if (state.gpus === null) return false;
  const params = readAttr(run.dir, "run_params") as Record<string, unknown> | undefined;
  const runGpus = params?.gpus;
  if (runGpus === null || runGpus === undefined || String(runGpus) === state.gpus) return false;
  if (!state.gpuMismatch.has(run.id)) {
    state.log("INFO", `Ignorning staged run ${run.id} (GPU spec mismatch: run is ${String(runGpus)}, queue is ${state.gpus})`);
    state.gpuMismatch.add(run.id);
  }
  return true;
}

function isWaiting(run: RunEntry, blocking: RunEntry[], state: QueueState): boolean {
  if (!blocking.length) return false;
  if (!state.waiting.has(run.id)) {
    const ids = blocking.map((r) => shortId(r.id)).join(", ");
    state.log("INFO", `Found staged run ${shortId(run.id)} (waiting for runs to finish: ${ids})`);
    state.loggedWaiting = true;
    state.waiting.add(run.id);
  }
  return true;
}
