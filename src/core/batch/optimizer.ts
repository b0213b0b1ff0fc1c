/**
 * Which batch runs an operation (§5.1): `-o/--optimizer` when given, else
 * implied by the flags: a flag function (`[1:10]`, `uniform[...]`) means
 * random search, a list value or two or more batch-file trials a grid (`+`).
 * Otherwise the operation runs once, not as a batch.
 */
import { fail } from "../errors.js";
import { isFlagFunction } from "../flags/decode.js";
import type { FlagMap } from "../flags/value.js";
import { msg } from "../messages.js";
import type { BatchOptimizer } from "./trials.js";

const OPTIMIZER_NAMES: Record<string, BatchOptimizer> = {
  "+": "+",
  random: "random",
  "skopt:random": "random",
};

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
