/**
 * What `guild run OP [FLAG=VAL...] [@FILE...]` asks for, before anything is
 * written: the flag values (decoded, merged with defaults, coerced and
 * checked), the trials of any batch files, and whether the run is a batch
 * (a grid or random search) with its trial settings.
 */
import { homedir } from "node:os";
import { readBatchFiles } from "../batch/batch-files.js";
import { batchOptimizerFor, objectiveFor, optimizerFlagsFor } from "../batch/optimizer.js";
import { checkBatchFlags, DEFAULT_RANDOM_MAX_TRIALS, isModelOptimizer, type BatchSpec } from "../batch/trials.js";
import { fail } from "../errors.js";
import { batchOperationFor } from "../op/builtins.js";
import type { Ctx } from "../context.js";
import { parseFlagArgs } from "../flags/args.js";
import { decodeUserFlags, resolveFlagValues, type FlagValuesRequest } from "../flags/resolve-values.js";
import type { FlagMap } from "../flags/value.js";
import { msg } from "../messages.js";
import type { Operation } from "../op/operation.js";
import type { RunOptions } from "./options.js";
import { randomSeed } from "./run-attrs.js";

export interface RunPlan {
  /** The operation, its label template set from `-l`/`-t` when given. */
  op: Operation;
  flags: FlagMap;
  userFlags: FlagMap;
  batch?: BatchSpec;
}

export function planRun(op: Operation, opts: RunOptions, ctx: Ctx): RunPlan {
  const warn = (line: string) => ctx.out.stderr(`${line}\n`);
  const { assigns, batchFiles } = parseFlagArgs(opts.flagArgs);
  const userFlags = decodeUserFlags(assigns, op.flagDefs, warn);
  let fileTrials = batchFiles.length ? readBatchFiles(batchFiles, ctx.cwd, warn) : [];
  // One trial in all is not a batch: its values are flags the command line may override.
  if (fileTrials.length === 1) {
    for (const [name, value] of Object.entries(fileTrials[0] ?? {})) if (!(name in userFlags)) userFlags[name] = value;
    fileTrials = [];
  }
  const request: FlagValuesRequest = {
    flagDefs: op.flagDefs,
    userFlags,
    forceFlags: opts.forceFlags,
    opDesc: op.opDesc,
    coerceEnv: { cwd: ctx.cwd, homeDir: ctx.env.HOME ?? homedir() },
    checkRequired: fileTrials.length < 2,
  };
  const resolved = resolveFlagValues(request);
  const trials = fileTrials.map((trial) => checkedTrial(trial, request));
  const plan: RunPlan = { op: { ...op, labelTemplate: labelTemplateFor(opts, op) }, ...resolved };
  const optimizer = batchOptimizerFor(opts.optimizer, resolved.flags, trials.length);
  if (!optimizer) {
    if (opts.maxTrials !== undefined) warn(msg.notBatchMaxTrials());
    return plan;
  }
  checkBatchFlags(optimizer, resolved.flags);
  const batchOp = batchOperationFor(optimizer);
  // Each trial waits on the results before it: there is nothing to stage ahead (as Guild).
  if (isModelOptimizer(optimizer) && opts.stageTrials) fail(msg.stageTrialsNotSupported(batchOp.guildOp));
  const optFlags = optimizerFlagsFor(batchOp, opts.optFlags, request.coerceEnv, warn);
  const maxTrials = opts.maxTrials ?? (optimizer === "+" ? undefined : DEFAULT_RANDOM_MAX_TRIALS);
  plan.batch = {
    optimizer,
    ...resolved,
    optFlags,
    objective: objectiveFor(opts.minimize, opts.maximize),
    ...(trials.length ? { trials } : {}),
    ...(maxTrials !== undefined ? { maxTrials } : {}),
    randomSeed: opts.randomSeed ?? randomSeed(),
  };
  return plan;
}

/**
 * A batch-file trial is checked as if its values were given on the command
 * line (where Guild checks nothing), and kept with its values coerced.
 */
function checkedTrial(trial: FlagMap, request: FlagValuesRequest): FlagMap {
  const { flags } = resolveFlagValues({ ...request, userFlags: { ...request.userFlags, ...trial }, checkRequired: true });
  return Object.fromEntries(Object.keys(trial).map((name) => [name, flags[name] ?? null]));
}

/** The label template a run's options ask for: `-l`, `-t TAG`, or the op's. */
export function labelTemplateFor(opts: { label?: string | null; tag?: string | null }, op: Operation): string | null {
  if (opts.label) return opts.label;
  if (opts.tag) return `${opts.tag} \${default_label}`;
  return op.labelTemplate;
}
