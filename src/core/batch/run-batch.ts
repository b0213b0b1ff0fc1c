/**
 * The batch driver (Guild's batch_main and random_main): reads the proto,
 * makes the trials (a grid, or a random search drawn from the batch's random
 * seed), creates them all up front as `pending` (claimed by this process, so
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
import { fail, isGuildError } from "../errors.js";
import { batchTrials, type BatchSpec } from "./trials.js";
import { trialDesc } from "./trial-desc.js";

interface Proto {
  dir: string;
  op: Operation;
  flags: FlagMap;
  userFlags: FlagMap;
  /** Trials from batch files. */
  trials?: FlagMap[];
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
  const log = (level: string, text: string) => ctx.out.stderr(`${level}: [guild] ${text}\n`);
  let trialFlags: FlagMap[];
  try {
    trialFlags = batchTrials(batchSpecFor(batchDir, proto));
  } catch (e) {
    // Bad search dimensions end the batch with Guild's error line.
    if (!isGuildError(e)) throw e;
    ctx.out.stderr(`${e.message}\n`);
    return 1;
  }
  const trials = trialFlags.map((flags) => createTrial(batchDir, proto, flags, stageTrials, ctx));
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
  return {
    dir,
    op: { ...op, sourcecodeRoot: null },
    flags: isFlagMap(flags) ? flags : {},
    userFlags: isFlagMap(userFlags) ? userFlags : {},
    ...(Array.isArray(trials) ? { trials: trials.filter(isFlagMap) } : {}),
  };
}

/** A trial: a copy of the proto with one grid point's flags, claimed by us. */
function createTrial(batchDir: string, proto: Proto, flags: FlagMap, stage: boolean, ctx: Ctx): Trial {
  const warn = (line: string) => ctx.out.stderr(`${line}\n`);
  const id = newRunId();
  createRun(
    {
      id,
      op: proto.op,
      flags,
      userFlags: proto.userFlags,
      // The proto's template (from -l/-t or the op) with this trial's flags.
      label: renderLabel(proto.op.labelTemplate, flags, warn) || null,
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
