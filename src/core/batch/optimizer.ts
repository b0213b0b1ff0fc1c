/**
 * Which batch runs an operation (§5.1): `-o/--optimizer` when given, else
 * implied by the flags: a flag function (`[1:10]`, `uniform[...]`) means
 * random search, a list value or two or more batch-file trials a grid (`+`).
 * Otherwise the operation runs once, not as a batch. Also the optimizer's
 * own flags (`-Fo NAME=VAL`) and its objective (`--minimize`/`--maximize`).
 */
import { fail } from "../errors.js";
import { parseFlagArgs } from "../flags/args.js";
import type { CoerceEnv } from "../flags/coerce.js";
import { isFlagFunction } from "../flags/decode.js";
import { decodeUserFlags, resolveFlagValues } from "../flags/resolve-values.js";
import { isNumeric, numericValue, type FlagMap } from "../flags/value.js";
import { pythonStr } from "../flags/py-repr.js";
import { msg } from "../messages.js";
import type { Operation } from "../op/operation.js";
import type { BatchOptimizer } from "./trials.js";

const OPTIMIZER_NAMES: Record<string, BatchOptimizer> = {
  "+": "+",
  random: "random",
  "skopt:random": "random",
  gp: "gp",
  "skopt:gp": "gp",
  bayesian: "gp",
  gaussian: "gp",
  "gaussian-process": "gp",
  forest: "forest",
  "skopt:forest": "forest",
  gbrt: "gbrt",
  "skopt:gbrt": "gbrt",
  tpe: "tpe",
  "skopt:tpe": "tpe",
};

export const DEFAULT_OBJECTIVE = "loss";

export function batchOptimizerFor(optimizer: string | undefined, flags: FlagMap, fileTrials: number): BatchOptimizer | undefined {
  if (optimizer !== undefined) {
    const named = OPTIMIZER_NAMES[optimizer];
    if (!named) fail(msg.unsupportedOptimizer(optimizer));
    return named;
  }
  const values = Object.values(flags);
  if (values.some((v) => isFlagFunction(v))) return "random";
  if (values.some(Array.isArray) || fileTrials >= 2) return "+";
  return undefined;
}

/** The batch op's flags: its defaults with `-Fo` values, checked as a run's flags are. */
export function optimizerFlagsFor(batchOp: Operation, optFlagArgs: readonly string[], coerceEnv: CoerceEnv, warn: (line: string) => void): FlagMap {
  const { assigns } = parseFlagArgs(optFlagArgs);
  const userFlags = decodeUserFlags(assigns, batchOp.flagDefs, warn);
  const { flags } = resolveFlagValues({ flagDefs: batchOp.flagDefs, userFlags, forceFlags: false, opDesc: batchOp.guildOp, coerceEnv });
  const noise = flags.noise;
  if (noise !== undefined && noise !== "gaussian" && !(isNumeric(noise) && numericValue(noise) >= 0)) {
    fail(msg.invalidNoise(pythonStr(noise)));
  }
  return flags;
}

/** Guild's `objective` attr: the scalar, `-` first when it is maximized. */
export function objectiveFor(minimize: string | undefined, maximize: string | undefined): string {
  if (maximize !== undefined) return `-${maximize}`;
  return minimize ?? DEFAULT_OBJECTIVE;
}
