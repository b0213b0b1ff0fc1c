/**
 * The operation's command line and environment, built from its command
 * template and flag values (§3.5). Pure: the caller supplies the Python path.
 */
import { fail } from "../errors.js";
import { encodeFlagArg, encodeFlagEnv, encodeFlagValue } from "../flags/encode.js";
import type { FlagMap, FlagValue } from "../flags/value.js";
import { msg } from "../messages.js";
import { pyEquals } from "../flags/py-compare.js";
import { FLAG_ARGS_TOKEN } from "../op/operation.js";
import { ReferenceCycleError, resolveRefs, UndefinedReferenceError } from "../util/resolve-refs.js";

/** Per-flag command settings (`cmd-flags` in the `op` attr). */
export interface CmdFlag {
  argName?: string;
  argSkip?: boolean;
  argSwitch?: FlagValue;
  envName?: string;
}

export interface CommandSpec {
  cmdArgs: readonly string[];
  cmdFlags: Record<string, CmdFlag>;
  flagsDest: string;
  flags: FlagMap;
  pythonExe: string;
}

/**
 * The argv, and the warnings for flags the command shadows. Fails, as Guild
 * does when it initialises the operation, on a `${name}` that is neither a
 * flag nor `python_exe`.
 */
export function commandArgsFor(spec: CommandSpec): { argv: string[]; warnings: string[] } {
  const warnings: string[] = [];
  const argv: string[] = [];
  const params = refParams(spec);
  for (const arg of spec.cmdArgs) {
    if (arg === FLAG_ARGS_TOKEN) argv.push(...flagArgsFor(spec, argv, warnings));
    else argv.push(resolveArg(arg, params));
  }
  return { argv, warnings };
}

/** `${name}` values: every flag in the env encoding, whatever the flags-dest. */
function refParams(spec: CommandSpec): Map<string, FlagValue> {
  const params = new Map<string, FlagValue>();
  for (const [name, value] of Object.entries(spec.flags)) params.set(name, encodeFlagEnv(value));
  params.set("python_exe", spec.pythonExe);
  // Later Guild's name for its own interpreter; ours is the same one.
  if (!params.has("guild_python_exe")) params.set("guild_python_exe", spec.pythonExe);
  return params;
}

/** An arg with its refs resolved; all values are strings, so the result is one. */
function resolveArg(arg: string, params: Map<string, FlagValue>): string {
  try {
    return String(resolveRefs(arg, params));
  } catch (e) {
    if (e instanceof UndefinedReferenceError) fail(msg.invalidCmdReference(e.reference));
    if (e instanceof ReferenceCycleError) fail(msg.cmdReferenceCycle(e.names));
    throw e;
  }
}

/** `--name value` per flag, sorted; a flag already given as `--name` earlier in the command is skipped. */
function flagArgsFor(spec: CommandSpec, before: readonly string[], warnings: string[]): string[] {
  const args: string[] = [];
  for (const name of Object.keys(spec.flags).sort()) {
    const value = spec.flags[name] as FlagValue;
    const cf = spec.cmdFlags[name] ?? {};
    if (cf.argSkip) continue;
    const argName = cf.argName ?? name;
    if (before.includes(`--${argName}`)) {
      warnings.push(msg.shadowedFlag(name, encodeFlagValue(value), argName));
      continue;
    }
    if (cf.argSwitch !== undefined && cf.argSwitch !== null) {
      if (pyEquals(cf.argSwitch, value)) args.push(`--${argName}`);
    } else if (value !== null) {
      args.push(`--${argName}`, encodeFlagArg(value, spec.flagsDest));
    }
  }
  return args;
}


/** `FLAG_<NAME>` for each flag (`env-name` overrides the name). */
export function flagEnvFor(flags: FlagMap, cmdFlags: Record<string, CmdFlag>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(flags)) {
    const envName = cmdFlags[name]?.envName ?? `FLAG_${name.toUpperCase().replace(/[^A-Z0-9_]/g, "_")}`;
    env[envName] = encodeFlagEnv(value);
  }
  return env;
}
