/**
 * A step's flag values, as Guild's steps_main works them out: the step's
 * `NAME=VAL` args decoded, then the parent's flags named `<opspec>:NAME` or
 * `<step name>:NAME` on top, then `${flag}` references to the parent's flags
 * resolved, and null values dropped. Pure.
 */
import { fail } from "../errors.js";
import { decodeFlagValue } from "../flags/decode.js";
import { nameMap, type FlagMap, type FlagValue } from "../flags/value.js";
import { msg } from "../messages.js";
import { ReferenceCycleError, resolveRefs, UndefinedReferenceError, type RefValues } from "../util/resolve-refs.js";

export interface StepFlags {
  flags: FlagMap;
  /** Warnings from decoding values (`error decoding ...`). */
  warnings: string[];
}

export function stepFlagsFor(flagArgs: readonly string[], parentFlags: FlagMap, prefixes: readonly string[], stepName: string): StepFlags {
  const warnings: string[] = [];
  const flags = new Map<string, FlagValue>();
  for (const arg of flagArgs) {
    const eq = arg.indexOf("=");
    if (eq < 0) fail(msg.invalidFlagArg(arg));
    const decoded = decodeFlagValue(arg.slice(eq + 1));
    warnings.push(...decoded.warnings);
    flags.set(arg.slice(0, eq), decoded.value);
  }
  for (const [name, value] of prefixedFlags(parentFlags, prefixes)) flags.set(name, value);
  const parentValues: RefValues = new Map(Object.entries(parentFlags));
  const resolved: FlagMap = nameMap();
  for (const [name, value] of flags) {
    const v = resolveStepRef(value, parentValues, stepName);
    if (v !== null) resolved[name] = v;
  }
  return { flags: resolved, warnings };
}

/** Parent flags under the first matching prefix, the prefix stripped. */
function prefixedFlags(parentFlags: FlagMap, prefixes: readonly string[]): Map<string, FlagValue> {
  const out = new Map<string, FlagValue>();
  for (const prefix of prefixes) {
    for (const [name, value] of Object.entries(parentFlags)) {
      const stripped = name.slice(prefix.length);
      if (name.startsWith(prefix) && !out.has(stripped)) out.set(stripped, value);
    }
  }
  return out;
}

/**
 * A value with `${flag}` references to the parent's flags resolved. Guild
 * stops with a traceback on a bad reference; we say which step and name.
 */
export function resolveStepRef(value: FlagValue, parentValues: RefValues, stepName: string): FlagValue {
  try {
    return resolveRefs(value, parentValues);
  } catch (e) {
    if (e instanceof UndefinedReferenceError) fail(msg.stepInvalidReference(stepName, e.reference));
    if (e instanceof ReferenceCycleError) fail(msg.stepReferenceCycle(stepName, e.names));
    throw e;
  }
}
