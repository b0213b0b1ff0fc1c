/**
 * The driver of a model-based batch (Guild's skopt_*_main): trials are
 * chosen one at a time, each from the results of all trials before it
 * (earlier runs too, per `prev-trials`), then run here in turn. A trial
 * that fails or logs no objective is left out of the model, with a line
 * saying so. Logs as Guild's: `Random start for optimization (1 of 3)`,
 * `Found N previous trial(s) for use in optimization`.
 */
import type { Ctx } from "../context.js";
import type { GpNoise } from "../optimize/gp.js";
import type { AcqFunc } from "../optimize/acquisition.js";
import { isNumeric, numericValue, type FlagMap, isFlagMap } from "../flags/value.js";
import { startRunProgress } from "../progress/run-progress.js";
import { readAttr } from "../store/attrs.js";
import { startClaimedRun } from "../run/start.js";
import { isTerminating, TERMINATED_EXIT_STATUS } from "../run/termination.js";
import { runOpDesc } from "../runs/op-desc.js";
import { seededRandom } from "../util/seeded-random.js";
import { formatObjective, objectiveValue, parseObjective, type Objective } from "./objective.js";
import type { ModelOptimizerName } from "./optimizer-flags.js";
import { previousObservations, prevTrialsMode } from "./prev-trials.js";
import { createTrial, type Proto } from "./proto-trials.js";
import { failDim, flagDims, type FlagDim } from "./search-space.js";
import { nextTrial, type NextTrial, type Observation, type SeqSearch, type SeqSettings } from "./seq-trials.js";
import { DEFAULT_RANDOM_MAX_TRIALS, flagsDesc } from "./trials.js";
import { trialDesc } from "./trial-desc.js";
import { msg } from "../messages.js";
import { isGuildError } from "../errors.js";

export interface ModelBatch {
  batchDir: string;
  proto: Proto;
  optimizer: ModelOptimizerName;
  failOnError: boolean;
}

export async function runModelBatch(batch: ModelBatch, ctx: Ctx): Promise<number> {
  const { batchDir, proto } = batch;
  const dims = searchDims(proto.flags, ctx);
  if (!dims) return 1;
  const flags = readAttr(batchDir, "flags");
  const optFlags = isFlagMap(flags) ? flags : {};
  const settings = seqSettings(optFlags);
  const objective = parseObjective(stringAttr(batchDir, "objective") ?? "loss");
  const maxTrials = numberAttr(batchDir, "max_trials") ?? DEFAULT_RANDOM_MAX_TRIALS;
  const search: SeqSearch = {
    optimizer: batch.optimizer,
    dims,
    protoFlags: proto.flags,
    settings: { ...settings, randomStarts: Math.min(settings.randomStarts, maxTrials) },
    rng: seededRandom(numberAttr(batchDir, "random_seed") ?? 0),
  };
  const previous = previousObservations({
    mode: prevTrialsMode(optFlags["prev-trials"]),
    home: ctx.home,
    sourcecodeDigest: proto.sourcecodeDigest,
    opDesc: runOpDesc(proto.dir),
    objective,
  });
  const own: Observation[] = [];
  let unscored = 0;
  const progress = startRunProgress("batch", "trials", maxTrials, ctx);
  const log = (level: string, text: string) => progress.ctx.out.stderr(`${level}: [guild] ${text}\n`);
  try {
    for (let i = 0; i < maxTrials; i++) {
      if (isTerminating()) return TERMINATED_EXIT_STATUS;
      const next = nextTrial(search, [...previous, ...own], i);
      log("INFO", startLine(next, i, settings.randomStarts, unscored, objective));
      const trial = createTrial(batchDir, proto, next.flags, "pending", ctx);
      log("INFO", `Running trial ${trial.id}: ${trialDesc(proto.op.opDesc, trial.flags)}`);
      const code = await startClaimedRun({ op: proto.op, runDir: trial.dir, runId: trial.id, flags: trial.flags }, progress.ctx);
      progress.finished(code === 0);
      if (isTerminating()) continue;
      if (code !== 0) {
        log("ERROR", `trial ${trial.id} exited with an error (see log for details)`);
        if (batch.failOnError) {
          log("ERROR", "stopping batch because a trial failed");
          return 1;
        }
        continue;
      }
      const value = objectiveValue(trial.dir, objective);
      if (value !== undefined) own.push({ flags: trial.flags, value });
      else {
        unscored++;
        log("WARNING", `trial ${trial.id} logged no '${objective.scalar}': the optimizer cannot use it`);
      }
    }
    return 0;
  } finally {
    progress.close();
  }
}

/** The search dimensions, or undefined after Guild's error line (a staged batch is checked only now). */
function searchDims(flags: FlagMap, ctx: Ctx): FlagDim[] | undefined {
  try {
    const dims = flagDims(flags);
    if (!dims.length) failDim(msg.noSearchDimensions(flagsDesc(flags)));
    return dims;
  } catch (e) {
    if (!isGuildError(e)) throw e;
    ctx.out.stderr(`${e.message}\n`);
    return undefined;
  }
}

/**
 * Guild's explanation of each trial's origin; `unscored` counts this
 * batch's completed trials that logged no objective.
 */
function startLine(next: NextTrial, i: number, randomStarts: number, unscored: number, objective: Objective): string {
  if (!next.randomStart) return `Found ${next.used} previous trial(s) for use in optimization`;
  if (i < randomStarts) return `Random start for optimization (${i + 1} of ${randomStarts})`;
  if (!unscored) return "Random start for optimization (missing previous trials)";
  return `Random start for optimization (cannot find objective '${formatObjective(objective)}')`;
}

function seqSettings(flags: FlagMap): SeqSettings {
  const num = (name: string, dflt: number) => {
    const v = flags[name];
    return isNumeric(v) ? numericValue(v) : dflt;
  };
  const acq = flags["acq-func"];
  const noise = flags.noise;
  return {
    randomStarts: Math.max(0, Math.trunc(num("random-starts", 3))),
    acqFunc: acq === "EI" || acq === "PI" || acq === "LCB" ? (acq as AcqFunc) : "gp_hedge",
    kappa: num("kappa", 1.96),
    xi: num("xi", 0.05),
    noise: (isNumeric(noise) ? numericValue(noise) : "gaussian") as GpNoise,
  };
}

function stringAttr(dir: string, name: string): string | undefined {
  const v = readAttr(dir, name);
  return typeof v === "string" ? v : undefined;
}

function numberAttr(dir: string, name: string): number | undefined {
  const v = readAttr(dir, name);
  return typeof v === "number" ? v : undefined;
}
