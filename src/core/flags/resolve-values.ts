/**
 * The flag values of a new run, in Guild's order (op_util.flag_vals_for_opdef):
 * the user's decoded values over the operation's defaults, every value
 * coerced to its flag's type, then (unless --force-flags) unknown names,
 * choices, ranges, existing paths and required flags checked, and finally
 * the flags a selected choice sets.
 */
import { fail } from "../errors.js";
import type { FlagDef } from "../guildfile/types.js";
import { msg } from "../messages.js";
import { applyChoiceAliases, applyChoiceFlags, checkFlagValues, checkRequiredFlags } from "./check-values.js";
import { coerceFlagValue, type CoerceEnv } from "./coerce.js";
import { decodeFlagValue } from "./decode.js";
import { pythonStr } from "./py-repr.js";
import { hasName, nameMap, ownValue, type FlagMap } from "./value.js";

export interface FlagValuesRequest {
  flagDefs: Record<string, FlagDef>;
  /** Decoded user values (see decodeUserFlags). */
  userFlags: FlagMap;
  forceFlags: boolean;
  /** The op as `--help-op` names it, for the unsupported-flag message. */
  opDesc: string;
  coerceEnv: CoerceEnv;
  /** Off for the base flags of a batch-file batch: each trial is checked instead. */
  checkRequired?: boolean;
}

export interface ResolvedFlagValues {
  flags: FlagMap;
  userFlags: FlagMap;
}

/** `NAME=VALUE` args decoded by the type of each flag (last one wins). */
export function decodeUserFlags(
  assigns: readonly (readonly [string, string])[],
  flagDefs: Record<string, FlagDef>,
  warn: (line: string) => void,
): FlagMap {
  const user: FlagMap = nameMap();
  for (const [name, raw] of assigns) {
    const decoded = decodeFlagValue(raw, ownValue(flagDefs, name)?.type);
    for (const w of decoded.warnings) warn(`WARNING: ${w}`);
    user[name] = decoded.value;
  }
  return user;
}

export function resolveFlagValues(req: FlagValuesRequest): ResolvedFlagValues {
  const defs = req.flagDefs;
  const flags: FlagMap = nameMap(req.userFlags);
  for (const [name, def] of Object.entries(defs)) if (!hasName(flags, name)) flags[name] = def.default ?? null;
  applyChoiceAliases(flags, defs);
  coerceAll(flags, req);
  if (!req.forceFlags) {
    const unknown = Object.keys(flags).find((name) => !hasName(defs, name));
    if (unknown !== undefined) fail(msg.unsupportedFlag(unknown, req.opDesc));
    checkFlagValues(flags, defs);
    if (req.checkRequired !== false) checkRequiredFlags(flags, defs);
  }
  applyChoiceFlags(flags, req.userFlags, defs);
  const userFlags = nameMap(Object.fromEntries(Object.keys(req.userFlags).map((name) => [name, flags[name] ?? null])));
  return { flags, userFlags };
}

function coerceAll(flags: FlagMap, req: FlagValuesRequest): void {
  for (const [name, value] of Object.entries(flags)) {
    const coerced = coerceFlagValue(value, ownValue(req.flagDefs, name), req.coerceEnv);
    if (coerced.ok) flags[name] = coerced.value;
    else if (!req.forceFlags) fail(msg.invalidFlagValue(pythonStr(value), name, coerced.why));
  }
}
