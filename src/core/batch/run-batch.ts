/**
 * The batch driver (Guild's batch_main and random_main): reads the proto,
 * makes the trials (a grid, or a random search drawn from the batch's random
 * seed), then hands each over in order. With --stage-trials each trial is
 * made directly staged (whole, then renamed in). Otherwise all are created
 * up front as `pending` (claimed by this process, so no queue can take a
 * trial the batch is about to run) and run here in turn. A failed trial does
 * not stop the batch unless --fail-on-trial-error. Model optimizers (gp,
 * ...) choose trials one at a time instead: run-model-batch.ts.
 */
import type { Ctx } from "../context.js";
import { isFlagMap, type FlagMap } from "../flags/value.js";
import { readAttr } from "../store/attrs.js";
import { newRunId } from "../store/ids.js";
import { readOpref } from "../store/opref.js";
import { stagedMessage } from "../run/stage.js";
import { startClaimedRun } from "../run/start.js";
import { isTerminating, TERMINATED_EXIT_STATUS } from "../run/termination.js";
import { isGuildError } from "../errors.js";
import { startRunProgress, type RunProgress } from "../progress/run-progress.js";
import { batchTrials, type BatchSpec } from "./trials.js";
import { trialDesc } from "./trial-desc.js";
import { modelOptimizerFor } from "./optimizer-flags.js";
import { runModelBatch } from "./run-model-batch.js";
import { createTrial, readProto, stageRemaining, type Proto, type Trial } from "./proto-trials.js";

export async function runBatch(batchDir: string, ctx: Ctx): Promise<number> {
  const proto = readProto(batchDir);
  const runParams = readAttr(batchDir, "run_params");
  const params = isFlagMap(runParams) ? runParams : {};
  const optimizer = modelOptimizerFor(readOpref(batchDir)?.opName);
  if (optimizer) return runModelBatch({ batchDir, proto, optimizer, failOnError: params.fail_on_trial_error === true }, ctx);
  let trialFlags: FlagMap[];
  try {
    trialFlags = batchTrials(batchSpecFor(batchDir, proto));
  } catch (e) {
    // Bad search dimensions end the batch with Guild's error line.
    if (!isGuildError(e)) throw e;
    ctx.out.stderr(`${e.message}\n`);
    return 1;
  }
  if (readAttr(batchDir, "stage_trials") === true) return stageTrials(batchDir, proto, trialFlags, params.quiet === true, ctx);
  const trials = trialFlags.map((flags) => createTrial(batchDir, proto, flags, "pending", ctx));
  const progress = startRunProgress("batch", "trials", trials.length, ctx);
  try {
    return await runTrials(trials, proto, params.fail_on_trial_error === true, progress);
  } finally {
    progress.close();
  }
}

/** Runs the trials in order; output keeps clear of the progress line. */
async function runTrials(trials: Trial[], proto: Proto, failOnError: boolean, progress: RunProgress): Promise<number> {
  const ctx = progress.ctx;
  const log = (level: string, text: string) => ctx.out.stderr(`${level}: [guild] ${text}\n`);
  for (const [i, trial] of trials.entries()) {
    if (isTerminating()) {
      stageRemaining(trials.slice(i), proto, ctx);
      return TERMINATED_EXIT_STATUS;
    }
    const desc = trialDesc(proto.op.opDesc, trial.flags);
    const envReq = { op: proto.op, runDir: trial.dir, runId: trial.id, flags: trial.flags };
    log("INFO", `Running trial ${trial.id}: ${desc}`);
    const code = await startClaimedRun(envReq, ctx);
    progress.finished(code === 0);
    if (code === 0) continue;
    if (isTerminating()) continue;
    log("ERROR", `trial ${trial.id} exited with an error (see log for details)`);
    if (failOnError) {
      log("ERROR", "stopping batch because a trial failed (remaining staged trials may be started as needed)");
      stageRemaining(trials.slice(i + 1), proto, ctx);
      return 1;
    }
  }
  return 0;
}

/**
 * --stage-trials: each trial appears in the store already staged (made
 * whole, then renamed in), so handing it over is its creation.
 */
function stageTrials(batchDir: string, proto: Proto, trialFlags: FlagMap[], quiet: boolean, ctx: Ctx): number {
  for (const flags of trialFlags) {
    if (isTerminating()) return TERMINATED_EXIT_STATUS;
    const id = newRunId();
    ctx.out.stderr(`INFO: [guild] Staging trial ${id}: ${trialDesc(proto.op.opDesc, flags)}\n`);
    createTrial(batchDir, proto, flags, "staged", ctx, id);
    if (!quiet) ctx.out.stdout(stagedMessage(proto.op.opDesc, id));
  }
  return 0;
}

function batchSpecFor(batchDir: string, proto: Proto): BatchSpec {
  const maxTrials = readAttr(batchDir, "max_trials");
  const seed = readAttr(batchDir, "random_seed");
  return {
    optimizer: readOpref(batchDir)?.opName === "random" ? "random" : "+",
    flags: proto.flags,
    userFlags: proto.userFlags,
    ...(proto.trials ? { trials: proto.trials } : {}),
    ...(typeof maxTrials === "number" ? { maxTrials } : {}),
    randomSeed: typeof seed === "number" ? seed : 0,
  };
}
