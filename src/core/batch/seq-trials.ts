/**
 * Sequential (model-based) search, pure: given the trials observed so far,
 * the next trial's flags. The first `random-starts` trials (and any trial
 * with nothing to learn from) are drawn at random, as Guild's skopt
 * optimizers do; later ones come from the model (suggest.ts). Observed
 * trials whose values lie outside this search space are left out.
 */
import { pyEquals } from "../flags/py-compare.js";
import { nameMap, type FlagMap, type FlagValue } from "../flags/value.js";
import type { Rng } from "../util/seeded-random.js";
import { sampleDim, type FlagDim } from "./search-space.js";
import { suggestUnitPoint, type ModelOptimizer, type SuggestSettings } from "./suggest.js";
import { decodeValue, encodePoint } from "./unit-space.js";

export interface SeqSettings extends SuggestSettings {
  randomStarts: number;
}

export interface SeqSearch {
  optimizer: ModelOptimizer;
  dims: readonly FlagDim[];
  /** The proto's flags: values of the flags that are not searched. */
  protoFlags: FlagMap;
  settings: SeqSettings;
  rng: Rng;
}

/** A finished trial: its flags and its objective, to be minimised (a maximised scalar negated). */
export interface Observation {
  flags: FlagMap;
  value: number;
}

export interface NextTrial {
  flags: FlagMap;
  randomStart: boolean;
  /** How many observations the model learned from (0 for a random start). */
  used: number;
}

export function nextTrial(search: SeqSearch, observations: readonly Observation[], trialIndex: number): NextTrial {
  const { dims } = search;
  const points: number[][] = [];
  const values: number[] = [];
  for (const o of observations) {
    const point = encodePoint(dims.map((d) => d.dim), dims.map((d) => o.flags[d.name] ?? null));
    if (point && Number.isFinite(o.value)) {
      points.push(point);
      values.push(o.value);
    }
  }
  const randomStart = points.length === 0 || trialIndex < search.settings.randomStarts;
  let chosen = randomStart ? randomValues(search) : modelValues(search, points, values);
  // A model that proposes a trial already made learns nothing from it: draw instead.
  if (!randomStart && observations.some((o) => dims.every((d, i) => pyEquals(o.flags[d.name], chosen[i])))) chosen = randomValues(search);
  if (trialIndex === 0) chosen = chosen.map((v, i) => dims[i]?.initial ?? v);
  const flags: FlagMap = nameMap(search.protoFlags);
  dims.forEach((d, i) => (flags[d.name] = chosen[i] ?? null));
  return { flags, randomStart, used: randomStart ? 0 : points.length };
}

function randomValues(search: SeqSearch): FlagValue[] {
  return search.dims.map((d) => sampleDim(d.dim, search.rng));
}

function modelValues(search: SeqSearch, points: number[][], values: number[]): FlagValue[] {
  const u = suggestUnitPoint(search.optimizer, points, values, search.dims.length, search.rng, search.settings);
  return search.dims.map((d, i) => decodeValue(d.dim, u[i] as number));
}
