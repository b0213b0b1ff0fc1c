/**
 * `guild run`: resolve the operation and plan its flags and batch, then
 * print what was asked for (--print-*), or confirm and stage or start a new
 * run, a batch, or (with --start) an existing run.
 */
import { opCtx, type Ctx } from "../context.js";
import { exitQuietly, fail } from "../errors.js";
import { renderLabel } from "../label.js";
import { resolveOperation } from "../op/resolve.js";
import { newRunId } from "../store/ids.js";
import { runsDirFor } from "../home.js";
import { join } from "node:path";
import { confirm } from "../util/prompt.js";
import { gridTrials } from "../batch/trials.js";
import { runBatchOp } from "../batch/batch-op.js";
import { createRun } from "./new-run.js";
import { runParamsFor, type RunOptions } from "./options.js";
import { planRun, type RunPlan } from "./plan.js";
import { previewText } from "./preview.js";
import { isPrintRequest, printForPlan } from "./print-op.js";
import { restartRun } from "./restart.js";
import { commandFor } from "./run-attrs.js";
import { selectSourcecode, sourcecodeDigest } from "./sourcecode.js";
import { envFileFor } from "./env-file.js";
import { stagedMessage } from "./stage.js";
import { startClaimedRun } from "./start.js";
import { batchOperationFor } from "../op/builtins.js";
import { startInBackground } from "./background.js";
import { matchingRuns, skipMessage } from "./needed.js";
import { formatRunsTable } from "../runs/table.js";

export { labelTemplateFor } from "./plan.js";

export interface RunResult {
  exitCode: number;
  runId?: string;
}

export async function runOp(opts: RunOptions, ctx: Ctx): Promise<RunResult> {
  checkOptions(opts);
  if (opts.start !== undefined) return restartRun(opts.start, opts, ctx);
  const plan = planRun(resolveOperation(opts.opspec, ctx), opts, ctx);
  // Guild builds the command while it initialises the op: a bad `${ref}`
  // fails here, before the preview and before anything is stored.
  commandFor(plan.op, plan.flags, ctx.env);
  if (isPrintRequest(opts)) {
    printForPlan(plan, opts, ctx);
    return { exitCode: 0 };
  }
  if (opts.needed) {
    const batchOp = plan.batch && batchOperationFor(plan.batch.optimizer);
    const matching = matchingRuns({ op: plan.op, flags: plan.flags, batchOp }, ctx);
    if (matching.length) {
      ctx.out.stdout(skipMessage(matching, formatRunsTable));
      return { exitCode: 0 };
    }
  }
  if (!opts.yes) confirmRun(plan, opts, ctx);
  if (opts.background && opts.runId === undefined) {
    const batchOp = plan.batch && batchOperationFor(plan.batch.optimizer);
    return startInBackground(newRunId(), (batchOp ?? plan.op).opref, opts, ctx);
  }
  if (plan.batch) return runBatchOp({ op: plan.op, flags: plan.flags, userFlags: plan.userFlags, batch: plan.batch, opts }, ctx);
  return runNew(plan, opts, ctx);
}

const INCOMPATIBLE: [keyof RunOptions, keyof RunOptions, string, string][] = [
  ["noGpus", "gpus", "--no-gpus", "--gpus"],
  ["printCmd", "printEnv", "--print-cmd", "--print-env"],
  ["printTrials", "stageTrials", "--print-trials", "--stage-trials"],
  ["tag", "label", "--tag", "--label"],
  ["batchTag", "batchLabel", "--batch-tag", "--batch-label"],
  ["minimize", "maximize", "--minimize", "--maximize"],
];

function checkOptions(opts: RunOptions): void {
  for (const [a, b, aName, bName] of INCOMPATIBLE) {
    if (isSet(opts[a]) && isSet(opts[b])) fail(conflict(aName, bName));
  }
  if (opts.stage && opts.background?.background) fail(conflict("--stage", "--background"));
  if (opts.stage && opts.background?.pidfile !== undefined) fail(conflict("--stage", "--pidfile"));
  if (opts.start !== undefined && opts.opspec !== undefined) {
    fail("OPERATION cannot be used with --restart\nTry 'guild run --help' for more information.");
  }
  if (opts.start !== undefined && opts.optimizer !== undefined) {
    fail("--optimizer cannot be used with --restart\nTry 'guild run --help' for more information.");
  }
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== false;
}

function conflict(a: string, b: string): string {
  return `${a} and ${b} cannot both be used\nTry 'guild run --help' for more information.`;
}

function confirmRun(plan: RunPlan, opts: RunOptions, ctx: Ctx): void {
  const { batch } = plan;
  const text = previewText({
    action: opts.stage ? "stage" : "run",
    subject: plan.op.opDesc,
    batch: batch && {
      optimizer: batch.optimizer,
      trials: batch.optimizer === "+" ? gridTrials(batch).length : 0,
      maxTrials: batch.maxTrials,
      fromFiles: (batch.trials?.length ?? 0) > 0,
      objective: batch.objective,
      optFlags: batch.optFlags,
    },
    flags: plan.flags,
    flagDefs: plan.op.flagDefs,
  });
  if (!confirm(text, true, (s) => ctx.out.stderr(s))) exitQuietly(0);
}

async function runNew(plan: RunPlan, opts: RunOptions, ctx: Ctx): Promise<RunResult> {
  const { op, flags, userFlags } = plan;
  const warn = (line: string) => ctx.out.stderr(`${line}\n`);
  const files = op.sourcecodeRoot ? selectSourcecode(op.sourcecodeRoot, warn) : [];
  const id = opts.runId ?? newRunId();
  const runDir = join(runsDirFor(ctx.home), id);
  createRun(
    {
      id,
      op,
      flags,
      userFlags,
      label: renderLabel(op.labelTemplate, flags, warn) || null,
      runParams: runParamsFor(opts),
      randomSeed: opts.randomSeed,
      state: opts.stage ? "staged" : "starting",
      sourcecode: op.sourcecodeRoot ? { root: op.sourcecodeRoot, files } : undefined,
      sourcecodeDigest: op.sourcecodeRoot ? sourcecodeDigest(op.sourcecodeRoot, files) : undefined,
      guildFiles: opts.stage ? { ENV: envFileFor({ op, runDir, runId: id, flags }, ctx) } : undefined,
      extra: op.steps ? { steps: op.steps } : undefined,
    },
    ctx,
  );
  if (opts.stage) {
    if (!opts.quiet) ctx.out.stdout(stagedMessage(op.opDesc, id));
    return { exitCode: 0, runId: id };
  }
  const exitCode = await startClaimedRun({ runDir, runId: id, op, flags }, opCtx(ctx, opts.quiet));
  return { exitCode, runId: id };
}
