/**
 * The trials of a batch, from its proto's flags (pure). A grid batch (`+`)
 * expands list values (§5.3), after merging each batch-file trial as
 * defaults <- trial <- command-line flags, and draws any flag-function
 * values; `--max-trials` then keeps a random subset in grid order. A random
 * batch draws `max_trials` (default 20) trials from the search dimensions
 * (§5.6). Both draw from the batch's random seed, so a seed repeats a sweep.
 */
import { formatFlagAssign } from "../flags/encode.js";
import { isFlagFunction } from "../flags/decode.js";
import { nameMap, type FlagMap, type FlagValue } from "../flags/value.js";
import { msg } from "../messages.js";
import { sampleIndices, seededRandom, type Rng } from "../util/seeded-random.js";
import { expandGrid } from "./expand.js";
import type { ModelOptimizerName } from "./optimizer-flags.js";
import { failDim, flagDims, functionDim, randomTrials, sampleDim } from "./search-space.js";

export type BatchOptimizer = "+" | "random" | ModelOptimizerName;

/** Optimizers that choose each trial from the results of earlier ones. */
export function isModelOptimizer(optimizer: BatchOptimizer): optimizer is ModelOptimizerName {
  return optimizer !== "+" && optimizer !== "random";
}

export const DEFAULT_RANDOM_MAX_TRIALS = 20;

export interface BatchSpec {
  optimizer: BatchOptimizer;
  /** The proto's flags: defaults and command-line values, lists unexpanded. */
  flags: FlagMap;
  /** Command-line values, which win over batch-file trials. */
  userFlags: FlagMap;
  /** Trials read from batch files. */
  trials?: FlagMap[];
  maxTrials?: number;
  /** A model optimizer's own flags (defaults and `-Fo` values). */
  optFlags?: FlagMap;
  /** The scalar a model optimizer minimizes; `-NAME` when maximizing (Guild's `objective` attr). */
  objective?: string;
  randomSeed: number;
}

/** A grid's or a random search's trials; a model optimizer's are chosen one at a time (run-model-batch.ts). */
export function batchTrials(spec: BatchSpec): FlagMap[] {
  if (isModelOptimizer(spec.optimizer)) throw new Error(`${spec.optimizer} chooses its trials one at a time`);
  return spec.optimizer === "random" ? randomBatchTrials(spec) : sampledGridTrials(spec);
}

/** Every grid trial, before `--max-trials` (the count a preview shows). */
export function gridTrials(spec: BatchSpec): FlagMap[] {
  const trials = spec.trials?.length
    ? spec.trials.flatMap((t) => expandGrid({ ...spec.flags, ...t, ...spec.userFlags }))
    : expandGrid(spec.flags);
  return applyFlagFunctions(trials, seededRandom(spec.randomSeed));
}

function sampledGridTrials(spec: BatchSpec): FlagMap[] {
  const trials = gridTrials(spec);
  if (spec.maxTrials === undefined || trials.length <= spec.maxTrials) return trials;
  return sampleIndices(seededRandom(spec.randomSeed), trials.length, spec.maxTrials).map((i) => trials[i] as FlagMap);
}

function randomBatchTrials(spec: BatchSpec): FlagMap[] {
  const dims = flagDims(spec.flags);
  if (!dims.length) failDim(msg.noSearchDimensions(flagsDesc(spec.flags)));
  return randomTrials(spec.flags, dims, spec.maxTrials ?? DEFAULT_RANDOM_MAX_TRIALS, seededRandom(spec.randomSeed));
}

/** Checks a batch's flags before anything is created (the errors the batch would log). */
export function checkBatchFlags(optimizer: BatchOptimizer, flags: FlagMap): void {
  if (optimizer !== "+") {
    if (!flagDims(flags).length) failDim(msg.noSearchDimensions(flagsDesc(flags)));
    return;
  }
  for (const [name, value] of Object.entries(flags)) {
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === "string") functionDim(v, name);
  }
}

/** Flag-function values in a grid are drawn per trial; a third arg is used first. */
function applyFlagFunctions(trials: FlagMap[], rng: Rng): FlagMap[] {
  const initialUsed = new Set<string>();
  return trials.map((trial) => {
    const out: FlagMap = nameMap(trial);
    for (const name of Object.keys(trial).sort()) {
      const value = trial[name] as FlagValue;
      if (typeof value !== "string" || !isFlagFunction(value)) continue;
      const d = functionDim(value, name);
      if (!d) continue;
      const key = `${name}\0${value}`;
      const useInitial = d.initial !== undefined && !initialUsed.has(key);
      initialUsed.add(key);
      out[name] = useInitial ? (d.initial as FlagValue) : sampleDim(d.dim, rng);
    }
    return out;
  });
}

/** `x=1, y=null` as Guild describes a batch's flags. */
export function flagsDesc(flags: FlagMap): string {
  return Object.keys(flags)
    .sort()
    .map((name) => formatFlagAssign(name, flags[name] ?? null))
    .join(", ");
}
