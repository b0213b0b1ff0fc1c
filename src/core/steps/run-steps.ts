/**
 * The steps driver (Guild's steps_main): runs each step as a `guild run` in
 * this process, in order, from the project dir, linking each step's run into
 * the parent run dir. A failing step stops the pipeline with its exit code.
 */
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import type { Ctx } from "../context.js";
import { runsDirFor } from "../home.js";
import { readAttr } from "../store/attrs.js";
import { defaultRunOptions, type RunOptions } from "../run/options.js";
import { runOp } from "../run/run-op.js";
import type { StartRequest } from "../run/start.js";
import { isTerminating, TERMINATED_EXIT_STATUS } from "../run/termination.js";
import { parseStep, stepArgs, stepLinkName, type StepSpec } from "./step-spec.js";

export async function runSteps(req: StartRequest, ctx: Ctx): Promise<number> {
  const steps = readAttr(req.runDir, "steps") ?? req.op.steps ?? [];
  const runParams = readAttr(req.runDir, "run_params") as Record<string, unknown> | undefined;
  const stageTrials = runParams?.stage_trials === true;
  const cwd = req.op.projectDir ?? ctx.cwd;
  const links = new Set<string>();
  for (const step of Array.isArray(steps) ? steps : []) {
    if (isTerminating()) return TERMINATED_EXIT_STATUS;
    const spec = parseStep(step);
    for (const name of spec.ignored) {
      ctx.out.stderr(`WARNING: [guild] run parameter ${name} used in '${String(spec.opspec)}' ignored\n`);
    }
    ctx.out.stderr(`INFO: [guild] running ${spec.name}: ${stepArgs(spec, stageTrials).join(" ")}\n`);
    const result = await runOp(stepRunOptions(spec, stageTrials), { ...ctx, cwd });
    if (result.runId) linkStep(req.runDir, spec, result.runId, links, ctx);
    if (result.exitCode !== 0) return result.exitCode;
  }
  return 0;
}

function stepRunOptions(spec: StepSpec, stageTrials: boolean): RunOptions {
  const opts: RunOptions = { ...defaultRunOptions(), opspec: spec.opspec, flagArgs: spec.flagArgs, yes: true, forceFlags: true };
  opts.stageTrials = stageTrials;
  for (let i = 0; i < spec.options.length; i++) {
    const name = spec.options[i];
    const value = spec.options[i + 1] ?? "";
    switch (name) {
      case "--label": opts.label = value; i++; break;
      case "--tag": opts.tag = value; i++; break;
      case "--max-trials": opts.maxTrials = Number(value); i++; break;
      case "--random-seed": opts.randomSeed = Number(value); i++; break;
      case "--optimizer": opts.optimizer = value; i++; break;
      case "--gpus": opts.gpus = value; i++; break;
      case "--batch-label": opts.batchLabel = value; i++; break;
      case "--batch-tag": opts.batchTag = value; i++; break;
      case "--fail-on-trial-error": opts.failOnTrialError = true; break;
      case "--stage-trials": opts.stageTrials = true; break;
      case "--needed": opts.needed = true; break;
    }
  }
  return opts;
}

function linkStep(parentDir: string, spec: StepSpec, runId: string, taken: Set<string>, ctx: Ctx): void {
  const name = stepLinkName(spec.name, taken);
  taken.add(name);
  symlinkSync(join(runsDirFor(ctx.home), runId), join(parentDir, name));
}
