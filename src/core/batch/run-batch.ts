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
import { stageClaimedRun, stagedMessage } from "../run/stage.js";
import { startClaimedRun } from "../run/start.js";
import { isTerminating, TERMINATED_EXIT_STATUS } from "../run/termination.js";
import { labelTemplateFor } from "../run/run-op.js";
import { fail } from "../errors.js";
import { noRunProgress, startRunProgress, type RunProgress } from "../progress/run-progress.js";
import { expandGrid } from "./expand.js";
import { trialDesc } from "./trial-desc.js";

interface Proto {
  dir: string;
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
  const stageTrials = readAttr(batchDir, "stage_trials") === true;
  const failOnError = (readAttr(batchDir, "run_params") as Record<string, unknown> | undefined)?.fail_on_trial_error === true;
  const trials = expandGrid(proto.flags).map((flags) => createTrial(batchDir, proto, flags, stageTrials, ctx));
  const progress = stageTrials ? noRunProgress(ctx) : startRunProgress("batch", "trials", trials.length, ctx);
  try {
    return await runTrials({ trials, proto, stageTrials, failOnError, progress }, progress.ctx);
  } finally {
    progress.close();
  }
}

interface TrialsRun {
  trials: Trial[];
  proto: Proto;
  stageTrials: boolean;
  failOnError: boolean;
  progress: RunProgress;
}

async function runTrials({ trials, proto, stageTrials, failOnError, progress }: TrialsRun, ctx: Ctx): Promise<number> {
  const log = (level: string, text: string) => ctx.out.stderr(`${level}: [guild] ${text}\n`);
  for (const [i, trial] of trials.entries()) {
    if (isTerminating()) {
      stageRemaining(trials.slice(i), proto, ctx);
      return TERMINATED_EXIT_STATUS;
    }
    const desc = trialDesc(proto.op.opDesc, trial.flags);
    const envReq = { op: proto.op, runDir: trial.dir, runId: trial.id, flags: trial.flags };
    if (stageTrials) {
      log("INFO", `Staging trial ${trial.id}: ${desc}`);
      stageClaimedRun(envReq, ctx);
      ctx.out.stdout(stagedMessage(proto.op.opDesc, trial.id));
      continue;
    }
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

function readProto(batchDir: string): Proto {
  const dir = protoDir(batchDir);
  const opref = readOpref(dir);
  const op = opref && operationForRunDir(dir, opref);
  if (!op) fail(`cannot start batch in ${batchDir}: missing or invalid proto in ${dir}`);
  const flags = readAttr(dir, "flags");
  const userFlags = readAttr(dir, "user_flags");
  const runParams = readAttr(dir, "run_params");
  return {
    dir,
    op: { ...op, sourcecodeRoot: null },
    flags: isFlagMap(flags) ? flags : {},
    userFlags: isFlagMap(userFlags) ? userFlags : {},
    runParams: isFlagMap(runParams) ? runParams : {},
  };
}

/** A trial: a copy of the proto with one grid point's flags, claimed by us. */
function createTrial(batchDir: string, proto: Proto, flags: FlagMap, stage: boolean, ctx: Ctx): Trial {
  const warn = (line: string) => ctx.out.stderr(`${line}\n`);
  const id = newRunId();
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
      runParams: { ...runParamsFor({ ...defaultRunOptions(), stage, yes: true }), restart: id },
      sourcecodeDir: guildPath(proto.dir, "sourcecode"),
      sourcecodeDigest: (readAttr(proto.dir, "sourcecode_digest") as string | null | undefined) ?? null,
      state: "pending",
    },
    ctx,
  );
  symlinkSync(join("..", id), join(batchDir, id));
  return { id, dir: join(runsDirFor(ctx.home), id), flags };
}

/** Trials the batch will not run are handed over staged: nothing is lost. */
function stageRemaining(trials: Trial[], proto: Proto, ctx: Ctx): void {
  for (const t of trials) stageClaimedRun({ op: proto.op, runDir: t.dir, runId: t.id, flags: t.flags }, ctx);
}
