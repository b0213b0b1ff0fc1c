/**
 * The steps driver (Guild's steps_main): reads every step first (a bad one
 * fails the pipeline before any runs), then runs each as a `guild run` in
 * this process, in order, from the project dir, linking each step's run into
 * the parent run dir. A failing step stops the pipeline with its exit code.
 */
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import type { Ctx } from "../context.js";
import { fail } from "../errors.js";
import { pythonRepr, pythonStrRepr } from "../flags/py-repr.js";
import type { FlagValue } from "../flags/value.js";
import { runsDirFor } from "../home.js";
import { msg } from "../messages.js";
import { readAttr } from "../store/attrs.js";
import { defaultRunOptions, type RunOptions } from "../run/options.js";
import { runOp } from "../run/run-op.js";
import type { StartRequest } from "../run/start.js";
import { isTerminating, TERMINATED_EXIT_STATUS } from "../run/termination.js";
import { parseRunSpecArgs, type ParamValue } from "./run-spec-args.js";
import { parseStep, stepArgs, stepLinkName, type StepSpec } from "./step-spec.js";

export async function runSteps(req: StartRequest, ctx: Ctx): Promise<number> {
  const steps = readAttr(req.runDir, "steps") ?? req.op.steps ?? null;
  if (steps !== null && !Array.isArray(steps)) fail(msg.invalidStepsData(pythonRepr(steps as FlagValue)));
  const runParams = (readAttr(req.runDir, "run_params") ?? {}) as Record<string, unknown>;
  const stageTrials = runParams.stage_trials === true;
  const parent = { flags: req.flags, runParams, modelName: req.op.opref.modelName };
  const specs = (steps ?? []).map((step) => parseStep(step, parent));
  for (const spec of specs) for (const w of spec.warnings) ctx.out.stderr(`WARNING: [guild] ${w}\n`);
  if (!specs.length) ctx.out.stderr(`WARNING: [guild] no steps defined for run ${req.runId}\n`);
  const cwd = req.op.projectDir ?? ctx.cwd;
  const links = new Set<string>();
  for (const spec of specs) {
    if (isTerminating()) return TERMINATED_EXIT_STATUS;
    const args = stepArgs(spec, stageTrials);
    ctx.out.stderr(`INFO: [guild] running ${spec.name}: ${args.join(" ")}\n`);
    const result = await runOp(runOptionsFor(args), { ...ctx, cwd });
    if (result.runId) linkStep(req.runDir, spec, result.runId, links, ctx);
    if (result.exitCode !== 0) return result.exitCode;
  }
  return 0;
}

// Options a step may carry that `guild run` here does not have yet.
const UNSUPPORTED: [param: string, option: string][] = [
  ["optimize", "--optimize"],
  ["remote", "--remote"],
  ["stop_after", "--stop-after"],
];

/** The step's `guild run` args read back as Guild's step subprocess reads them. */
function runOptionsFor(args: string[]): RunOptions {
  let params: Record<string, ParamValue>;
  try {
    params = parseRunSpecArgs(args).params;
  } catch (e) {
    fail(msg.invalidRunSpec(pythonStrRepr(args.join(" ")), (e as Error).message));
  }
  for (const [name, option] of UNSUPPORTED) {
    const v = params[name];
    if (v !== null && v !== false && !(Array.isArray(v) && !v.length)) fail(msg.stepOptionNotSupported(option));
  }
  const text = (v: ParamValue | undefined) => (typeof v === "string" ? v : undefined);
  const opspec = text(params.opspec);
  // `guild run` takes an opspec holding `=` for a flag (run_impl._maybe_shift_opspec).
  const shift = opspec?.includes("=") === true;
  return {
    ...defaultRunOptions(),
    opspec: shift ? undefined : opspec,
    flagArgs: [...(shift && opspec ? [opspec] : []), ...(params.flags as string[])],
    yes: true,
    forceFlags: true,
    stageTrials: params.stage_trials === true,
    label: text(params.label),
    tag: text(params.tag),
    batchLabel: text(params.batch_label),
    batchTag: text(params.batch_tag),
    gpus: text(params.gpus),
    noGpus: params.no_gpus === true,
    maxTrials: typeof params.max_trials === "number" ? params.max_trials : undefined,
    randomSeed: typeof params.random_seed === "number" ? params.random_seed : undefined,
    optimizer: text(params.optimizer),
    minimize: text(params.minimize),
    maximize: text(params.maximize),
    optFlags: Array.isArray(params.opt_flags) ? params.opt_flags.map(String) : [],
    failOnTrialError: params.fail_on_trial_error === true,
    needed: params.needed === true,
  };
}

function linkStep(parentDir: string, spec: StepSpec, runId: string, taken: Set<string>, ctx: Ctx): void {
  const name = stepLinkName(spec.name, taken);
  taken.add(name);
  symlinkSync(join(runsDirFor(ctx.home), runId), join(parentDir, name));
}
