/**
 * A new batch (`guild run say.py msg=[a,b]`, or a random search): a `+` (or
 * `random`) run holding the user's operation as its prototype in
 * `.guild/proto`, then started (its driver makes and runs the trials) or
 * staged for later.
 */
import { join } from "node:path";
import { opCtx, type Ctx } from "../context.js";
import type { FlagMap } from "../flags/value.js";
import { runsDirFor } from "../home.js";
import { renderLabel } from "../label.js";
import { batchOperationFor } from "../op/builtins.js";
import type { Operation } from "../op/operation.js";
import { newRunId } from "../store/ids.js";
import { protoDir } from "../store/paths.js";
import { createRun, writeRunDir } from "../run/new-run.js";
import { runParamsFor, type RunOptions } from "../run/options.js";
import type { RunResult } from "../run/run-op.js";
import { selectSourcecode, sourcecodeDigest } from "../run/sourcecode.js";
import { envFileFor } from "../run/env-file.js";
import { stagedMessage } from "../run/stage.js";
import { startClaimedRun } from "../run/start.js";
import type { BatchSpec } from "./trials.js";

export interface BatchRequest {
  op: Operation;
  flags: FlagMap;
  userFlags: FlagMap;
  batch: BatchSpec;
  opts: RunOptions;
}

/** Display name of a batch run: the proto's op with `+`, or `+random`. */
export function batchOpDesc(protoOpDesc: string, batchOp: Operation): string {
  return batchOp.opref.opName === "+" ? `${protoOpDesc}+` : `${protoOpDesc}+${batchOp.opref.opName}`;
}

export async function runBatchOp(req: BatchRequest, ctx: Ctx): Promise<RunResult> {
  const { opts, batch } = req;
  const batchOp = batchOperationFor(batch.optimizer);
  const optFlags = batch.optFlags ?? {};
  const id = opts.runId ?? newRunId();
  const runDir = join(runsDirFor(ctx.home), id);
  const warn = (line: string) => ctx.out.stderr(`${line}\n`);
  const runParams = runParamsFor(opts);
  // With no template, a batch with flags (an optimizer's) is labelled by them, as Guild's.
  const batchLabel = renderLabel(labelTemplateForBatch(opts), optFlags, warn);
  createRun(
    {
      id,
      op: batchOp,
      flags: optFlags,
      userFlags: {},
      label: batchLabel || null,
      runParams,
      randomSeed: batch.randomSeed,
      sourcecodeDigest: null,
      state: opts.stage ? "staged" : "starting",
      extra: {
        objective: batch.objective ?? "loss",
        ...(opts.stageTrials ? { stage_trials: true } : {}),
        ...(batch.maxTrials !== undefined ? { max_trials: batch.maxTrials } : {}),
      },
      guildFiles: opts.stage ? { ENV: envFileFor({ op: batchOp, runDir, runId: id, flags: optFlags }, ctx) } : undefined,
      populate: (dir) => writeProto(protoDir(dir), req, runParams, ctx),
    },
    ctx,
  );
  if (opts.stage) {
    if (!opts.quiet) ctx.out.stdout(stagedMessage(batchOpDesc(req.op.opDesc, batchOp), id));
    return { exitCode: 0, runId: id };
  }
  const exitCode = await startClaimedRun({ runDir, runId: id, op: batchOp, flags: optFlags }, opCtx(ctx, opts.quiet));
  return { exitCode, runId: id };
}

/** `-bt TAG` is Guild's `TAG ${default_label}`. */
function labelTemplateForBatch(opts: RunOptions): string | null {
  if (opts.batchLabel) return opts.batchLabel;
  if (opts.batchTag) return `${opts.batchTag} \${default_label}`;
  return null;
}

/**
 * The proto: the user's op with unexpanded flags (and any batch-file
 * trials), as trials copy it; its op attr keeps the `-l` label template
 * that each trial renders with its own flags.
 */
function writeProto(dir: string, req: BatchRequest, runParams: Record<string, unknown>, ctx: Ctx): void {
  const warn = (line: string) => ctx.out.stderr(`${line}\n`);
  const root = req.op.sourcecodeRoot;
  const files = root ? selectSourcecode(root, warn) : [];
  writeRunDir(
    dir,
    {
      id: "proto",
      op: req.op,
      flags: req.flags,
      userFlags: req.userFlags,
      label: renderLabel(req.op.labelTemplate, req.flags, warn) || null,
      runParams,
      randomSeed: req.batch.randomSeed,
      state: "proto",
      extra: req.batch.trials ? { trials: req.batch.trials } : undefined,
      sourcecode: root ? { root, files } : undefined,
      sourcecodeDigest: root ? sourcecodeDigest(root, files) : undefined,
    },
    ctx,
  );
}
