/** A flag def's `min`/`max` (§4.4): Guild's "out of range" reasons. */
import type { FlagDef } from "../guildfile/types.js";
import { encodeFlagValue } from "./encode.js";
import { isNumeric, numericValue, type FlagValue } from "./value.js";

export function rangeProblem(value: FlagValue, def: FlagDef | undefined): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = rangeProblem(item, def);
      if (problem) return problem;
    }
    return undefined;
  }
  if (!def || !isNumeric(value)) return undefined;
  const n = numericValue(value);
  const { min, max } = def;
  if (isNumeric(min) && n < numericValue(min)) return `out of range (less than min ${encodeFlagValue(min)})`;
  if (isNumeric(max) && n > numericValue(max)) return `out of range (greater than max ${encodeFlagValue(max)})`;
  return undefined;
}
