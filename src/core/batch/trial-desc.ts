/** How a trial is described in batch log lines: `say.py (loud=no, msg=a)`. */
import { formatFlagAssign } from "../flags/encode.js";
import type { FlagMap, FlagValue } from "../flags/value.js";

export function trialFlagsDesc(flags: FlagMap): string {
  return Object.keys(flags)
    .sort()
    .filter((name) => flags[name] !== null)
    .map((name) => formatFlagAssign(name, flags[name] as FlagValue))
    .join(", ");
}

export function trialDesc(opDesc: string, flags: FlagMap): string {
  return `${opDesc} (${trialFlagsDesc(flags)})`;
}
