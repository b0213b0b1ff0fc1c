/**
 * Search dimensions for random search (§5.6), as Guild reads them from flag
 * values: a list is categorical; `[a:b]` or `uniform[a:b]` is an int range
 * (both bounds ints) or a real range; `loguniform[a:b]` a log-uniform real
 * range; an optional third arg is the value the first trial uses. Values are
 * drawn from our seeded generator.
 */
import { failPlain } from "../errors.js";
import { parseFlagFunction } from "../flags/decode.js";
import { pythonStr } from "../flags/py-repr.js";
import { float, hasName, isFloat, nameMap, type FlagMap, type FlagValue } from "../flags/value.js";
import { randomIndex, type Rng } from "../util/seeded-random.js";

export type Dim =
  | { kind: "categorical"; values: FlagValue[] }
  | { kind: "int"; low: number; high: number }
  | { kind: "real"; low: number; high: number; log: boolean };

export interface FlagDim {
  name: string;
  dim: Dim;
  /** The first trial's value (a function's third arg). */
  initial?: FlagValue;
}

/** The dimensions among `flags`, sorted by name; other values are not searched. */
export function flagDims(flags: FlagMap): FlagDim[] {
  const dims: FlagDim[] = [];
  for (const name of Object.keys(flags).sort()) {
    const value = flags[name] ?? null;
    if (Array.isArray(value)) dims.push({ name, dim: categorical(value, name) });
    else if (typeof value === "string") {
      const dim = functionDim(value, name);
      if (dim) dims.push(dim);
    }
  }
  return dims;
}

/** The dimension a flag-function string names, or undefined for other strings. */
export function functionDim(value: string, flagName: string): FlagDim | undefined {
  const fn = parseFlagFunction(value);
  if (!fn) return undefined;
  const name = fn.name ?? "uniform";
  if (name !== "uniform" && name !== "loguniform") failDim(`unknown function '${name}' used for flag ${flagName}`);
  if (fn.args.length !== 2 && fn.args.length !== 3) {
    failDim(`${name} requires 2 or 3 args, got ${pythonStr(fn.args)} for flag ${flagName}`);
  }
  const [low = null, high = null, initial] = fn.args;
  const dim = name === "uniform" ? uniformDim(low, high, flagName) : realDim(low, high, true, flagName);
  if (initial !== undefined) checkInitial(initial, dim, flagName);
  return initial === undefined ? { name: flagName, dim } : { name: flagName, dim, initial };
}

function categorical(values: FlagValue[], flagName: string): Dim {
  if (!values.length) failDim(invalidDim(flagName, "a list of values must not be empty"));
  return { kind: "categorical", values };
}

// skopt's check_dimension makes a choice of two strings or bools; that
// hides a typo (`[0.1:abc]` draws `abc`), so a range takes numbers only.
function uniformDim(low: FlagValue, high: FlagValue, flagName: string): Dim {
  if (typeof low === "number" && typeof high === "number") {
    if (high <= low) failDim(invalidDim(flagName, `the lower bound ${low} has to be less than the upper bound ${high}`));
    return { kind: "int", low, high };
  }
  return realDim(low, high, false, flagName);
}

function realDim(low: FlagValue, high: FlagValue, log: boolean, flagName: string): Dim {
  const [lo, hi] = [numberArg(low, flagName), numberArg(high, flagName)];
  if (hi <= lo) failDim(invalidDim(flagName, `the lower bound ${pythonStr(low)} has to be less than the upper bound ${pythonStr(high)}`));
  if (log && lo <= 0) failDim(invalidDim(flagName, "loguniform bounds must be greater than 0"));
  return { kind: "real", low: lo, high: hi, log };
}

/** A first value outside its range would be a trial nobody asked for. */
function checkInitial(initial: FlagValue, dim: Dim, flagName: string): void {
  if (dim.kind === "categorical") return;
  const value = numberArg(initial, flagName);
  if (value < dim.low || value > dim.high) {
    failDim(invalidDim(flagName, `the initial value ${pythonStr(initial)} is outside ${dim.low}..${dim.high}`));
  }
}

function numberArg(v: FlagValue, flagName: string): number {
  if (typeof v === "number") return v;
  if (isFloat(v) && Number.isFinite(v.value)) return v.value;
  failDim(invalidDim(flagName, `expected a number, got ${pythonStr(v)}`));
}

/**
 * Guild reports these from inside the batch (`ERROR: [guild] ...`, exit 1);
 * we say the same, also when checking before anything is created.
 */
export function failDim(text: string): never {
  failPlain(`ERROR: [guild] ${text}`);
}

function invalidDim(flagName: string, why: string): string {
  return `invalid search dimension for flag ${flagName}: ${why}`;
}

export function sampleDim(dim: Dim, rng: Rng): FlagValue {
  switch (dim.kind) {
    case "categorical":
      return dim.values[randomIndex(rng, dim.values.length)] ?? null;
    case "int":
      return dim.low + randomIndex(rng, dim.high - dim.low + 1);
    case "real": {
      const u = rng();
      if (!dim.log) return float(dim.low + u * (dim.high - dim.low));
      const [a, b] = [Math.log(dim.low), Math.log(dim.high)];
      return float(Math.min(dim.high, Math.exp(a + u * (b - a))));
    }
  }
}

/** `count` random trials: every dimension drawn, the other flags as given. */
export function randomTrials(flags: FlagMap, dims: readonly FlagDim[], count: number, rng: Rng): FlagMap[] {
  const trials: FlagMap[] = [];
  for (let i = 0; i < count; i++) {
    const trial: FlagMap = nameMap();
    for (const d of dims) trial[d.name] = i === 0 && d.initial !== undefined ? d.initial : sampleDim(d.dim, rng);
    for (const [name, value] of Object.entries(flags)) if (!hasName(trial, name)) trial[name] = value;
    trials.push(trial);
  }
  return trials;
}
