/**
 * Starting one run a queue has claimed, and what the queue does when it
 * cannot: shared by the file queue (run-queue.ts) and the broker's worker.
 * Operation processes run under the queue directly; batch, steps and queue
 * runs in a `guild run --start` process of their own (start-in-child.ts).
 */
import { basename } from "node:path";
import type { Ctx } from "../context.js";
import { isGuildError } from "../errors.js";
import { readAttr } from "../store/attrs.js";
import { runClaims } from "../store/claim.js";
import type { RunEntry } from "../store/list-runs.js";
import { runStatus } from "../store/status.js";
import type { StartRequest } from "../run/start.js";
import { startClaimedRun } from "../run/start.js";
import { storedOperation } from "../run/stored-op.js";
import { isTerminating } from "../run/termination.js";
import type { QueueState } from "./queue-state.js";
import { startInChildGuild } from "./start-in-child.js";

export async function startRun(run: RunEntry, state: QueueState, ctx: Ctx): Promise<void> {
  state.log("INFO", `Starting staged run ${run.id}`);
  state.loggedWaiting = false;
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
      ? await startOrReport(run, { runDir: run.dir, runId: basename(run.dir), ...stored, extraEnv }, state, ctx)
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

/** A run this queue cannot start stays staged for others (or the user). */
function giveBack(run: RunEntry, state: QueueState, why: string): void {
  state.log("ERROR", `cannot start ${run.id}: ${why}`);
  state.unstartable.add(run.id);
  runClaims.releaseClaim(run.dir);
}

/**
 * Guild's queue starts each run with `guild run --start`, which prints a
 * refused command's error and exits 1. The run stays staged; we skip it from
 * then on rather than retry it every poll.
 */
async function startOrReport(run: RunEntry, req: StartRequest, state: QueueState, ctx: Ctx): Promise<number> {
  try {
    return await startClaimedRun(req, ctx);
  } catch (e) {
    if (!isGuildError(e)) throw e;
    ctx.out.stderr(`guild: ${e.message}\n`);
    state.unstartable.add(run.id);
    return 1;
  }
}
