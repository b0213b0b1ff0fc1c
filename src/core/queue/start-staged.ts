/**
 * Starting one run a queue has claimed, and what the queue does when it
 * cannot: shared by the file queue (run-queue.ts) and the broker's worker.
 * Operation processes run under the queue directly; batch, steps and queue
 * runs in a `guild run --start` process of their own (start-in-child.ts).
 */
import { existsSync } from "node:fs";
import { basename } from "node:path";
import type { Ctx } from "../context.js";
import { isGuildError } from "../errors.js";
import { readAttr } from "../store/attrs.js";
import { runClaims } from "../store/claim.js";
import type { RunEntry } from "../store/list-runs.js";
import { runStatus } from "../store/status.js";
import { fsErrorMessage } from "../store/write-errors.js";
import { startClaimedRun } from "../run/start.js";
import { storedOperation } from "../run/stored-op.js";
import { isTerminating } from "../run/termination.js";
import type { QueueState } from "./queue-state.js";
import { startInChildGuild } from "./start-in-child.js";

export async function startRun(run: RunEntry, state: QueueState, ctx: Ctx): Promise<void> {
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
