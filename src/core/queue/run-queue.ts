/**
 * The `queue` driver (Guild's queue_main): starts staged runs one at a time,
 * oldest first, until none is left (`run-once`) or forever, polling every
 * `poll-interval` seconds. Several queues may drain one store: a run is
 * started only by the queue whose claim on it succeeds. Operation processes
 * run under the queue directly; batch, steps and queue runs in a `guild run
 * --start` process of their own (start-in-child.ts).
 */
import { basename } from "node:path";
import type { Ctx } from "../context.js";
import type { FlagMap } from "../flags/value.js";
import { existsSync } from "node:fs";
import { isGuildError } from "../errors.js";
import { fsErrorMessage } from "../store/write-errors.js";
import { readAttr } from "../store/attrs.js";
import { runClaims } from "../store/claim.js";
import { listUnfinishedRuns, type RunEntry } from "../store/list-runs.js";
import { readOpref } from "../store/opref.js";
import { runStatus } from "../store/status.js";
import { shortId } from "../store/ids.js";
import type { StartRequest } from "../run/start.js";
import { startClaimedRun } from "../run/start.js";
import { storedOperation } from "../run/stored-op.js";
import { isTerminating, sleepUnlessTerminated, TERMINATED_EXIT_STATUS } from "../run/termination.js";
import { startRunProgress, type RunProgress } from "../progress/run-progress.js";
import { queueLogFor, type QueueLog } from "./queue-log.js";
import { startInChildGuild } from "./start-in-child.js";

interface QueueState {
  selfId: string;
  runOnce: boolean;
  waitForRunning: boolean;
  gpus: string | null;
  pollMs: number;
  log: QueueLog;
  progress: RunProgress;
  /** Runs this queue has finished, for the progress line. */
  done: number;
  loggedWaiting: boolean;
  gpuMismatch: Set<string>;
  waiting: Set<string>;
  unstartable: Set<string>;
}

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

function queueState(selfId: string, flags: FlagMap, log: QueueLog, progress: RunProgress): QueueState {
  const interval = typeof flags["poll-interval"] === "number" ? flags["poll-interval"] : 10;
  return {
    selfId,
    runOnce: flags["run-once"] === true,
    waitForRunning: flags["wait-for-running"] === true,
    gpus: flags.gpus === null || flags.gpus === undefined ? null : String(flags.gpus),
    pollMs: Math.max(interval, 0.1) * 1000,
    log,
    progress,
    done: 0,
    loggedWaiting: false,
    gpuMismatch: new Set(),
    waiting: new Set(),
    unstartable: new Set(),
  };
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

function claimNextRun(state: QueueState, ctx: Ctx): RunEntry | undefined {
  const live = listUnfinishedRuns(ctx.home);
  const blocking = state.waitForRunning ? live.filter((r) => isBlocking(r, state)) : [];
  const staged = live.filter((r) => !state.unstartable.has(r.id) && runStatus(r.dir) === "staged").reverse();
  syncState(state, blocking, staged);
  for (const run of staged) {
    if (gpuMismatch(run, state) || isWaiting(run, blocking, state)) continue;
    if (runClaims.claimStaged(run.dir) !== "claimed") continue;
    state.progress.setTotal(state.done + staged.length);
    return run;
  }
  return undefined;
}

function isBlocking(run: RunEntry, state: QueueState): boolean {
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

function gpuMismatch(run: RunEntry, state: QueueState): boolean {
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

async function startRun(run: RunEntry, state: QueueState, ctx: Ctx): Promise<void> {
  state.log("INFO", `Starting staged run ${run.id}`);
  state.loggedWaiting = false;
  try {
    await startAndReport(run, state, ctx);
  } catch (e) {
    leaveOut(run, state, e, ctx);
  }
}

async function startAndReport(run: RunEntry, state: QueueState, ctx: Ctx): Promise<void> {
  const stored = storedOperation(run.dir);
  if (!stored) {
    giveBack(run, state, "missing op configuration");
    return;
  }
  const extraEnv: Record<string, string> = {};
  if (state.gpus !== null) {
    ctx.out.stderr(`Masking available GPUs (CUDA_VISIBLE_DEVICES='${state.gpus}')\n`);
    extraEnv.CUDA_VISIBLE_DEVICES = state.gpus;
  }
  const code =
    stored.op.kind === "process"
      ? await startClaimedRun({ runDir: run.dir, runId: basename(run.dir), ...stored, extraEnv }, ctx)
      : await startInChildGuild(run.dir, extraEnv, ctx);
  state.done += 1;
  state.progress.finished(code === 0);
  if (runClaims.holdsClaim(run.dir)) {
    giveBack(run, state, `guild exited with ${code} before starting it`);
    return;
  }
  // A child `guild run --start` that refused the run gave it back staged.
  if (stored.op.kind !== "process" && runStatus(run.dir) === "staged") state.unstartable.add(run.id);
  const exitStatus = readAttr(run.dir, "exit_status");
  const status = typeof exitStatus === "number" ? exitStatus : code;
  if (status !== 0 && !isTerminating()) state.log("ERROR", `${run.id} failed with exit code ${status}`);
}

/**
 * Whatever goes wrong with one run (a refused start, a damaged or deleted
 * run, a disk that fills up) is said, and the run is left out: the queue goes
 * on with the next one and never retries it. A run it still holds is given
 * back staged, as Guild's queue leaves a run its `guild run --start` refused.
 */
function leaveOut(run: RunEntry, state: QueueState, e: unknown, ctx: Ctx): void {
  state.unstartable.add(run.id);
  if (isGuildError(e)) reportRefused(e.message, run, state, ctx);
  else if (!existsSync(run.dir)) state.log("ERROR", `${run.id}: the run was deleted`);
  else state.log("ERROR", `${run.id}: ${fsErrorMessage(e) ?? String((e as Error | undefined)?.message ?? e)}`);
  try {
    if (runClaims.holdsClaim(run.dir)) runClaims.releaseClaim(run.dir);
  } catch {
    // Its directory is gone or cannot be written: nothing to give back.
  }
}

/** As Guild's queue shows a run its `guild run --start` refused. */
function reportRefused(message: string, run: RunEntry, state: QueueState, ctx: Ctx): void {
  ctx.out.stderr(`guild: ${message}\n`);
  state.done += 1;
  state.progress.finished(false);
  if (!isTerminating()) state.log("ERROR", `${run.id} failed with exit code 1`);
}

/** A run this queue cannot start stays staged for others (or the user). */
function giveBack(run: RunEntry, state: QueueState, why: string): void {
  state.log("ERROR", `cannot start ${run.id}: ${why}`);
  state.unstartable.add(run.id);
  runClaims.releaseClaim(run.dir);
}
