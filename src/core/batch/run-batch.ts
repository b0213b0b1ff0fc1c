/**
 * The batch driver (Guild's batch_main and random_main): reads the proto,
 * makes the trials (a grid, or a random search drawn from the batch's random
 * seed), then hands each over in order. With --stage-trials each trial is
 * made directly staged (whole, then renamed in). Otherwise all are created
 * up front as `pending` (claimed by this process, so no queue can take a
 * trial the batch is about to run) and run here in turn. A failed trial does
 * not stop the batch unless --fail-on-trial-error.
 */
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import type { Ctx } from "../context.js";
import { isFlagMap, type FlagMap } from "../flags/value.js";
import { runsDirFor } from "../home.js";
import { renderLabel } from "../label.js";
import type { Operation } from "../op/operation.js";
import { readAttr } from "../store/attrs.js";
import { newRunId } from "../store/ids.js";
import { readOpref } from "../store/opref.js";
import { guildPath, protoDir } from "../store/paths.js";
import { createRun } from "../run/new-run.js";
import { operationForRunDir } from "../run/op-attr.js";
import { defaultRunOptions, runParamsFor } from "../run/options.js";
import { envFileFor, stageClaimedRun, stagedMessage } from "../run/stage.js";
import { startClaimedRun } from "../run/start.js";
import { isTerminating, TERMINATED_EXIT_STATUS } from "../run/termination.js";
import { fail, isGuildError } from "../errors.js";
import { startRunProgress, type RunProgress } from "../progress/run-progress.js";
import { batchTrials, type BatchSpec } from "./trials.js";
import { trialDesc } from "./trial-desc.js";
import { modelOptimizerFor, runModelBatch } from "./run-model-batch.js";

export interface Proto {
  dir: string;
  sourcecodeDigest: string | null;
  op: Operation;
  flags: FlagMap;
  userFlags: FlagMap;
  /** Trials from batch files. */
  trials?: FlagMap[];
}

export interface Trial {
  id: string;
  dir: string;
  flags: FlagMap;
}

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

function readProto(batchDir: string): Proto {
  const dir = protoDir(batchDir);
  const opref = readOpref(dir);
  const op = opref && operationForRunDir(dir, opref);
  if (!op) fail(`cannot start batch in ${batchDir}: missing or invalid proto in ${dir}`);
  const flags = readAttr(dir, "flags");
  const userFlags = readAttr(dir, "user_flags");
  const trials = readAttr(dir, "trials");
  const digest = readAttr(dir, "sourcecode_digest");
  return {
    dir,
    sourcecodeDigest: typeof digest === "string" ? digest : null,
    op: { ...op, sourcecodeRoot: null },
    flags: isFlagMap(flags) ? flags : {},
    userFlags: isFlagMap(userFlags) ? userFlags : {},
    ...(Array.isArray(trials) ? { trials: trials.filter(isFlagMap) } : {}),
  };
}

/** A trial: a copy of the proto with one trial's flags, claimed by us or staged. */
export function createTrial(
  batchDir: string,
  proto: Proto,
  flags: FlagMap,
  state: "pending" | "staged",
  ctx: Ctx,
  id = newRunId(),
): Trial {
  const warn = (line: string) => ctx.out.stderr(`${line}\n`);
  const dir = join(runsDirFor(ctx.home), id);
  createRun(
    {
      id,
      op: proto.op,
      flags,
      userFlags: proto.userFlags,
      // The proto's template (from -l/-t or the op) with this trial's flags.
      label: renderLabel(proto.op.labelTemplate, flags, warn) || null,
      runParams: { ...runParamsFor({ ...defaultRunOptions(), stage: state === "staged", yes: true }), restart: id },
      sourcecodeDir: guildPath(proto.dir, "sourcecode"),
      sourcecodeDigest: proto.sourcecodeDigest,
      state,
      guildFiles: state === "staged" ? { ENV: envFileFor({ op: proto.op, runDir: dir, runId: id, flags }, ctx) } : undefined,
    },
    ctx,
  );
  symlinkSync(join("..", id), join(batchDir, id));
  return { id, dir, flags };
}

/** Trials the batch will not run are handed over staged: nothing is lost. */
export function stageRemaining(trials: Trial[], proto: Proto, ctx: Ctx): void {
  for (const t of trials) stageClaimedRun({ op: proto.op, runDir: t.dir, runId: t.id, flags: t.flags }, ctx);
}
