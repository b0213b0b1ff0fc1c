/**
 * The operation's command line and environment, built from its command
 * template and flag values (§3.5). Pure: the caller supplies the Python path.
 */
import { encodeFlagArg, encodeFlagEnv, encodeFlagValue } from "../flags/encode.js";
import type { FlagMap, FlagValue } from "../flags/value.js";
import { FLAG_ARGS_TOKEN } from "../op/operation.js";
import { pyEquals } from "../flags/py-compare.js";

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

export function commandArgsFor(spec: CommandSpec): { argv: string[]; warnings: string[] } {
  const warnings: string[] = [];
  const argv: string[] = [];
  for (const arg of spec.cmdArgs) {
    if (arg === FLAG_ARGS_TOKEN) argv.push(...flagArgsFor(spec, warnings));
    else argv.push(substituteRefs(arg, spec));
  }
  return { argv, warnings };
}

function substituteRefs(arg: string, spec: CommandSpec): string {
  return arg.replace(/\$\{([^}]+)\}/g, (whole, name: string) => {
    if (name === "python_exe" || name === "guild_python_exe") return spec.pythonExe;
    if (name === "flag_args") return whole;
    const value = spec.flags[name];
    return value === undefined ? whole : value === null ? "" : encodeFlagArg(value, argsDest(spec));
  });
}

function argsDest(spec: CommandSpec): "args" | "globals" {
  return spec.flagsDest === "args" || spec.flagsDest.startsWith("args:") ? "args" : "globals";
}

function flagArgsFor(spec: CommandSpec, warnings: string[]): string[] {
  const args: string[] = [];
  const literal = new Set(spec.cmdArgs);
  for (const name of Object.keys(spec.flags).sort()) {
    const value = spec.flags[name] as FlagValue;
    const cf = spec.cmdFlags[name] ?? {};
    if (cf.argSkip) continue;
    const argName = cf.argName ?? name;
    const option = `--${argName}`;
    if (literal.has(option)) {
      warnings.push(
        `WARNING: ignoring flag '${name}=${encodeFlagValue(value)}' because it's shadowed in the operation cmd as ${option}`,
      );
      continue;
    }
    // Guild compares with Python's ==, so `arg-switch: yes` matches 1 too.
    if (cf.argSwitch !== undefined && cf.argSwitch !== null) {
      if (pyEquals(cf.argSwitch, value)) args.push(option);
      continue;
    }
    if (value === null) continue;
    args.push(option, encodeFlagArg(value, argsDest(spec)));
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
