/**
 * The batch driver (Guild's batch_main): reads the proto, expands the
 * trials, creates them all up front as `pending` (claimed by this process, so
 * no queue can take a half-made trial), then hands each over in order: staged
 * with --stage-trials, else run here. A failed trial does not stop the batch
 * unless --fail-on-trial-error.
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
import { labelTemplateFor } from "../run/run-op.js";
import { fail } from "../errors.js";
import { startRunProgress, type RunProgress } from "../progress/run-progress.js";
import { expandGrid } from "./expand.js";
import { trialDesc } from "./trial-desc.js";

interface Proto {
  dir: string;
  sourcecodeDigest: string | null;
  op: Operation;
  flags: FlagMap;
  userFlags: FlagMap;
  runParams: Record<string, unknown>;
}

interface Trial {
  id: string;
  dir: string;
  flags: FlagMap;
}

export async function runBatch(batchDir: string, ctx: Ctx): Promise<number> {
  const proto = readProto(batchDir);
  const grid = expandGrid(proto.flags);
  if (readAttr(batchDir, "stage_trials") === true) return stageTrials(batchDir, proto, grid, ctx);
  const failOnError = (readAttr(batchDir, "run_params") as Record<string, unknown> | undefined)?.fail_on_trial_error === true;
  const trials = grid.map((flags) => createTrial(batchDir, proto, flags, "pending", ctx));
  const progress = startRunProgress("batch", "trials", trials.length, ctx);
  try {
    return await runTrials(trials, proto, failOnError, progress);
  } finally {
    progress.close();
  }
}

/** Runs the trials in order; output keeps clear of the progress line. */
async function runTrials(trials: Trial[], proto: Proto, failOnError: boolean, progress: RunProgress): Promise<number> {
  const ctx = progress.ctx;
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

  function log(level: string, text: string): void {
    ctx.out.stderr(`${level}: [guild] ${text}\n`);
  }
}

/**
 * --stage-trials: each trial appears in the store already staged (made
 * whole, then renamed in), so handing it over is its creation.
 */
function stageTrials(batchDir: string, proto: Proto, grid: FlagMap[], ctx: Ctx): number {
  const quiet = proto.runParams.quiet === true;
  for (const flags of grid) {
    if (isTerminating()) return TERMINATED_EXIT_STATUS;
    const id = newRunId();
    ctx.out.stderr(`INFO: [guild] Staging trial ${id}: ${trialDesc(proto.op.opDesc, flags)}\n`);
    createTrial(batchDir, proto, flags, "staged", ctx, id);
    if (!quiet) ctx.out.stdout(stagedMessage(proto.op.opDesc, id));
  }
  return 0;
}

function readProto(batchDir: string): Proto {
  const dir = protoDir(batchDir);
  const opref = readOpref(dir);
  const op = opref && operationForRunDir(dir, opref);
  if (!op) fail(`cannot start batch in ${batchDir}: missing or invalid proto in ${dir}`);
  const flags = readAttr(dir, "flags");
  const userFlags = readAttr(dir, "user_flags");
  const runParams = readAttr(dir, "run_params");
  const digest = readAttr(dir, "sourcecode_digest");
  return {
    dir,
    sourcecodeDigest: typeof digest === "string" ? digest : null,
    op: { ...op, sourcecodeRoot: null },
    flags: isFlagMap(flags) ? flags : {},
    userFlags: isFlagMap(userFlags) ? userFlags : {},
    runParams: isFlagMap(runParams) ? runParams : {},
  };
}

/** A trial: a copy of the proto with one grid point's flags, claimed by us. */
function createTrial(
  batchDir: string,
  proto: Proto,
  flags: FlagMap,
  state: "pending" | "staged",
  ctx: Ctx,
  id = newRunId(),
): Trial {
  const warn = (line: string) => ctx.out.stderr(`${line}\n`);
  const dir = join(runsDirFor(ctx.home), id);
  const template = labelTemplateFor(
    { label: proto.runParams.label as string | null, tag: proto.runParams.tag as string | null },
    proto.op,
  );
  createRun(
    {
      id,
      op: proto.op,
      flags,
      userFlags: proto.userFlags,
      label: renderLabel(template, flags, warn) || null,
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
function stageRemaining(trials: Trial[], proto: Proto, ctx: Ctx): void {
  for (const t of trials) stageClaimedRun({ op: proto.op, runDir: t.dir, runId: t.id, flags: t.flags }, ctx);
}
