/**
 * `--print-cmd`, `--print-env`, `--print-trials` and `--save-trials`: what a
 * run would do, shown instead of doing it. Nothing is written to the store.
 */
import { writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { formatTrialsCsv, formatTrialsTable } from "../batch/trials-table.js";
import { batchTrials, isModelOptimizer, type BatchSpec } from "../batch/trials.js";
import type { Ctx } from "../context.js";
import { fail, failPlain } from "../errors.js";
import type { FlagMap } from "../flags/value.js";
import { msg } from "../messages.js";
import { batchOperationFor } from "../op/builtins.js";
import type { Operation } from "../op/operation.js";
import { shellJoin, shellQuote } from "../util/shell-quote.js";
import { flagEnvFor } from "./command.js";
import { cmdFlagsFor } from "./op-attr.js";
import type { RunOptions } from "./options.js";
import type { RunPlan } from "./plan.js";
import { commandFor } from "./run-attrs.js";

export function isPrintRequest(opts: RunOptions): boolean {
  return opts.printCmd || opts.printEnv || opts.printTrials || opts.saveTrials !== undefined;
}

export function printForPlan(plan: RunPlan, opts: RunOptions, ctx: Ctx): void {
  const out = (line: string) => ctx.out.stdout(`${line}\n`);
  if (opts.printCmd) printCmd(plan, ctx, out);
  else if (opts.printEnv) printEnv(plan, opts, out);
  else if (opts.printTrials) {
    if (!plan.batch) fail(msg.cannotPrintTrials());
    refuseModelOptimizer(plan.batch, "printing trials");
    for (const line of formatTrialsTable(batchTrials(plan.batch), opts.tableWidth)) out(line);
  } else if (opts.saveTrials !== undefined) saveTrials(plan, opts.saveTrials, ctx, out);
}

/** The command, shell-quoted; for a batch the batch's, then each trial's. */
function printCmd(plan: RunPlan, ctx: Ctx, out: (line: string) => void): void {
  const cmd = (op: Operation, flags: FlagMap) => shellJoin(commandFor(op, flags, ctx.env).argv);
  if (!plan.batch) return out(cmd(plan.op, plan.flags));
  out(cmd(batchOperationFor(plan.batch.optimizer), plan.batch.optFlags ?? {}));
  refuseModelOptimizer(plan.batch, "printing trials command");
  for (const trial of batchTrials(plan.batch)) out(cmd(plan.op, trial));
}

/** The environment the operation adds: its own, `FLAG_*`, and GPU masking. */
function printEnv(plan: RunPlan, opts: RunOptions, out: (line: string) => void): void {
  const env: Record<string, string> = { ...plan.op.cmdEnv, ...flagEnvFor(plan.flags, cmdFlagsFor(plan.op.flagDefs)) };
  if (opts.noGpus) env.CUDA_VISIBLE_DEVICES = "";
  else if (opts.gpus !== undefined) env.CUDA_VISIBLE_DEVICES = opts.gpus;
  for (const name of Object.keys(env).sort()) {
    const value = env[name] as string;
    out(`${name}=${value === "" ? "" : shellQuote(value)}`);
  }
}

/** A model optimizer's trials depend on results that do not exist yet (Guild's refusal). */
function refuseModelOptimizer(batch: BatchSpec, what: string): void {
  if (isModelOptimizer(batch.optimizer)) failPlain(msg.optimizerCannot(what));
}

function saveTrials(plan: RunPlan, path: string, ctx: Ctx, out: (line: string) => void): void {
  if (!plan.batch) fail(msg.cannotSaveTrials());
  refuseModelOptimizer(plan.batch, "saving trials");
  const target = resolve(ctx.cwd, expandUser(path, ctx));
  out(`Saving trials to ${userDir(isAbsolute(path) ? path : join(ctx.cwd, path), ctx)}`);
  writeFileSync(target, formatTrialsCsv(batchTrials(plan.batch)));
}

function expandUser(path: string, ctx: Ctx): string {
  return path === "~" || path.startsWith("~/") ? join(ctx.env.HOME ?? homedir(), path.slice(1)) : path;
}

/** Guild shows paths under the user's home as `~/...`. */
function userDir(path: string, ctx: Ctx): string {
  const home = ctx.env.HOME ?? homedir();
  return path.startsWith(`${home}/`) ? `~/${path.slice(home.length + 1)}` : path;
}
