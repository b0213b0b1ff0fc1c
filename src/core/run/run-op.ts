/**
 * `guild run`: resolve the operation and its flags, confirm, then stage or
 * start a new run, a batch, or (with --start) an existing run.
 */
import type { Ctx } from "../context.js";
import { exitQuietly, fail } from "../errors.js";
import { parseFlagArgs } from "../flags/args.js";
import { resolveFlagValues } from "../flags/resolve-values.js";
import type { FlagMap } from "../flags/value.js";
import { renderLabel } from "../label.js";
import { resolveOperation } from "../op/resolve.js";
import type { Operation } from "../op/operation.js";
import { newRunId } from "../store/ids.js";
import { runsDirFor } from "../home.js";
import { join } from "node:path";
import { confirm } from "../util/prompt.js";
import { isBatchFlags, expandGrid } from "../batch/expand.js";
import { runBatchOp } from "../batch/batch-op.js";
import { createRun } from "./new-run.js";
import { runParamsFor, type RunOptions } from "./options.js";
import { previewText } from "./preview.js";
import { restartRun } from "./restart.js";
import { commandFor } from "./run-attrs.js";
import { selectSourcecode, sourcecodeDigest } from "./sourcecode.js";
import { envFileFor, stagedMessage } from "./stage.js";
import { startClaimedRun } from "./start.js";

export interface RunResult {
  exitCode: number;
  runId?: string;
}

export async function runOp(opts: RunOptions, ctx: Ctx): Promise<RunResult> {
  checkOptions(opts);
  if (opts.start !== undefined) return restartRun(opts.start, opts, ctx);
  const op = resolveOperation(opts.opspec, ctx);
  const { assigns, batchFiles } = parseFlagArgs(opts.flagArgs);
  if (batchFiles.length) fail("batch files (@FILE) are not supported yet");
  const warn = (line: string) => ctx.out.stderr(`${line}\n`);
  const { flags, userFlags } = resolveFlagValues({
    flagDefs: op.flagDefs,
    assigns,
    forceFlags: opts.forceFlags,
    opspec: opts.opspec ?? "",
    warn,
  });
  // Guild builds the command while it initialises the op: a bad `${ref}`
  // fails here, before the preview and before anything is stored.
  commandFor(op, flags, ctx.env);
  const batch = isBatchFlags(flags);
  if (!opts.yes) confirmRun(op, flags, opts, batch ? expandGrid(flags).length : undefined, ctx);
  if (batch) return runBatchOp({ op, flags, userFlags, opts }, ctx);
  return runNew(op, flags, userFlags, opts, ctx);
}

function checkOptions(opts: RunOptions): void {
  if (opts.label !== undefined && opts.tag !== undefined) fail(conflict("--tag", "--label"));
  if (opts.batchLabel !== undefined && opts.batchTag !== undefined) fail(conflict("--batch-tag", "--batch-label"));
  if (opts.gpus !== undefined && opts.noGpus) fail(conflict("--no-gpus", "--gpus"));
  if (opts.start !== undefined && opts.opspec !== undefined) {
    fail("OPERATION cannot be used with --restart\nTry 'guild run --help' for more information.");
  }
}

function conflict(a: string, b: string): string {
  return `${a} and ${b} cannot both be used\nTry 'guild run --help' for more information.`;
}

function confirmRun(op: Operation, flags: FlagMap, opts: RunOptions, trials: number | undefined, ctx: Ctx): void {
  const text = previewText({
    action: opts.stage ? "stage" : "run",
    subject: op.opDesc,
    trials,
    flags,
    flagDefs: op.flagDefs,
  });
  if (!confirm(text, true, (s) => ctx.out.stderr(s))) exitQuietly(0);
}

/** The label template a run's options ask for: `-l`, `-t TAG`, or the op's. */
export function labelTemplateFor(opts: { label?: string | null; tag?: string | null }, op: Operation): string | null {
  if (opts.label) return opts.label;
  if (opts.tag) return `${opts.tag} \${default_label}`;
  return op.labelTemplate;
}

async function runNew(op: Operation, flags: FlagMap, userFlags: FlagMap, opts: RunOptions, ctx: Ctx): Promise<RunResult> {
  const warn = (line: string) => ctx.out.stderr(`${line}\n`);
  const files = op.sourcecodeRoot ? selectSourcecode(op.sourcecodeRoot, warn) : [];
  const id = newRunId();
  const runDir = join(runsDirFor(ctx.home), id);
  createRun(
    {
      id,
      op,
      flags,
      userFlags,
      label: renderLabel(labelTemplateFor(opts, op), flags, warn) || null,
      runParams: runParamsFor(opts),
      randomSeed: opts.randomSeed,
      state: opts.stage ? "staged" : "pending",
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
  const exitCode = await startClaimedRun({ runDir, runId: id, op, flags }, ctx);
  return { exitCode, runId: id };
}
