/**
 * Grid expansion of a batch's flags (§5.3): flags sorted by name, the
 * Cartesian product with the first name varying slowest and values in list
 * order. Non-list values are the same in every trial.
 */
import type { FlagMap, FlagValue } from "../flags/value.js";

export function expandGrid(flags: FlagMap): FlagMap[] {
  let trials: FlagMap[] = [{}];
  for (const name of Object.keys(flags).sort()) {
    const value = flags[name] as FlagValue;
    const values = Array.isArray(value) ? value : [value];
    trials = trials.flatMap((trial) => values.map((v) => ({ ...trial, [name]: v })));
  }
  return trials;
}
