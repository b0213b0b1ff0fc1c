/**
 * A step's `run:` spec read as `guild run` arguments, the way Guild's
 * steps_main has click parse them against the `run` command: every `guild
 * run` option is known (so `--run-dir /x` takes its value), options may come
 * anywhere, the first positional is the opspec and the rest are flags.
 * Pure; a bad spec throws `RunSpecError` with click's (7.x) wording.
 */

import { float, type PyFloat } from "../flags/value.js";

export type ParamValue = string | number | PyFloat | boolean | string[] | null;

interface ParamDef {
  name: string;
  kind: "flag" | "value" | "multiple";
  convert?: (value: string) => number | PyFloat;
}

export class RunSpecError extends Error {}

// `guild run`'s options (guild/commands/run.py, 93926134) by Python name.
const PARAMS: [opts: string[], name: string, kind: ParamDef["kind"], convert?: ParamDef["convert"]][] = [
  [["-l", "--label"], "label", "value"],
  [["-t", "--tag"], "tag", "value"],
  [["-e", "--edit-flags"], "edit_flags", "flag"],
  [["-d", "--run-dir"], "run_dir", "value"],
  [["--stage"], "stage", "flag"],
  [["--start", "--restart"], "restart", "value"],
  [["--proto"], "proto", "value"],
  [["--force-sourcecode"], "force_sourcecode", "flag"],
  [["--gpus"], "gpus", "value"],
  [["--no-gpus"], "no_gpus", "flag"],
  [["-bl", "--batch-label"], "batch_label", "value"],
  [["-bt", "--batch-tag"], "batch_tag", "value"],
  [["-o", "--optimizer"], "optimizer", "value"],
  [["-O", "--optimize"], "optimize", "flag"],
  [["-N", "--minimize"], "minimize", "value"],
  [["-X", "--maximize"], "maximize", "value"],
  [["-Fo", "--opt-flag"], "opt_flags", "multiple"],
  [["-m", "--max-trials"], "max_trials", "value", positiveInt],
  [["--random-seed"], "random_seed", "value", int],
  [["--debug-sourcecode"], "debug_sourcecode", "value"],
  [["--stage-trials"], "stage_trials", "flag"],
  [["-r", "--remote"], "remote", "value"],
  [["-y", "--yes"], "yes", "flag"],
  [["-f", "--force-flags"], "force_flags", "flag"],
  [["--stop-after"], "stop_after", "value", number],
  [["--fail-on-trial-error"], "fail_on_trial_error", "flag"],
  [["--needed"], "needed", "flag"],
  [["-b", "--background"], "background", "flag"],
  [["--pidfile"], "pidfile", "value"],
  [["-n", "--no-wait"], "no_wait", "flag"],
  [["--save-trials"], "save_trials", "value"],
  [["--set-trace"], "set_trace", "flag"],
  [["-q", "--quiet"], "quiet", "flag"],
  [["--print-cmd"], "print_cmd", "flag"],
  [["--print-env"], "print_env", "flag"],
  [["--print-trials"], "print_trials", "flag"],
  [["--help-model"], "help_model", "flag"],
  [["-h", "--help-op"], "help_op", "flag"],
  [["--test-output-scalars"], "test_output_scalars", "value"],
  [["--test-sourcecode"], "test_sourcecode", "flag"],
  [["--test-flags"], "test_flags", "flag"],
];

const BY_OPT = new Map<string, ParamDef>();
for (const [opts, name, kind, convert] of PARAMS) for (const opt of opts) BY_OPT.set(opt, { name, kind, convert });

/** Whether `name` is an on/off option (default False) rather than one with a value. */
export function isSwitchParam(name: string): boolean {
  return PARAMS.some(([, n, kind]) => n === name && kind === "flag");
}

/** Every `guild run` param with click's value for "not given". */
export function defaultRunParams(): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = { opspec: null, flags: [] };
  for (const [, name, kind] of PARAMS) params[name] = kind === "flag" ? false : kind === "multiple" ? [] : null;
  return params;
}

/** The names of the params a spec sets, and all params (given or default). */
export function parseRunSpecArgs(args: readonly string[]): { params: Record<string, ParamValue>; given: Set<string> } {
  const params = defaultRunParams();
  const given = new Set<string>();
  const positionals: string[] = [];
  const rest = [...args];
  while (rest.length) {
    const arg = rest.shift() as string;
    if (arg === "--") {
      positionals.push(...rest.splice(0));
    } else if (arg.startsWith("-") && arg.length > 1) {
      for (const [def, value] of readOption(arg, rest)) {
        setParam(params, def, value);
        given.add(def.name);
      }
    } else {
      positionals.push(arg);
    }
  }
  const [opspec = null, ...flags] = positionals;
  params.opspec = opspec;
  params.flags = flags;
  return { params, given };
}

/**
 * One option token: a long name (`--label`, `-bl`, `--label=x`), else a
 * cluster of one-letter options (`-yf`, `-lfoo`) as click reads them.
 */
function readOption(arg: string, rest: string[]): [ParamDef, string | true][] {
  const eq = arg.indexOf("=");
  const name = eq < 0 ? arg : arg.slice(0, eq);
  const long = BY_OPT.get(name);
  if (long && (name.startsWith("--") || name.length > 2)) {
    if (long.kind === "flag") {
      if (eq >= 0) throw new RunSpecError(`${name} option does not take a value`);
      return [[long, true]];
    }
    return [[long, eq >= 0 ? arg.slice(eq + 1) : takeValue(name, rest)]];
  }
  if (arg.startsWith("--")) throw new RunSpecError(`no such option: ${name}`);
  const out: [ParamDef, string | true][] = [];
  for (let i = 1; i < arg.length; i++) {
    const opt = `-${arg[i]}`;
    const def = BY_OPT.get(opt);
    if (!def || opt.length !== 2) throw new RunSpecError(`no such option: ${opt}`);
    if (def.kind === "flag") {
      out.push([def, true]);
      continue;
    }
    out.push([def, i + 1 < arg.length ? arg.slice(i + 1) : takeValue(opt, rest)]);
    break;
  }
  return out;
}

function takeValue(opt: string, rest: string[]): string {
  const value = rest.shift();
  if (value === undefined) throw new RunSpecError(`${opt} option requires an argument`);
  return value;
}

function setParam(params: Record<string, ParamValue>, def: ParamDef, value: string | true): void {
  if (def.kind === "flag") params[def.name] = true;
  else if (def.kind === "multiple") params[def.name] = [...(params[def.name] as string[]), value as string];
  else params[def.name] = def.convert ? def.convert(value as string) : (value as string);
}

// click's INT, IntRange(1, None) and Guild's NUMBER (whose error is the value itself).
function int(value: string): number {
  if (!/^\s*[-+]?\d+\s*$/.test(value)) throw new RunSpecError(`${value} is not a valid integer`);
  return Number.parseInt(value, 10);
}

function positiveInt(value: string): number {
  const n = int(value);
  if (n < 1) throw new RunSpecError(`${n} is not in the valid range of 1 or greater.`);
  return n;
}

function number(value: string): number | PyFloat {
  if (/^\s*[-+]?\d+\s*$/.test(value)) return Number.parseInt(value, 10);
  const text = value.trim().toLowerCase().replace(/^([-+]?)(inf|infinity)$/, "$1Infinity");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$|^[-+]?(Infinity|nan)$/i.test(text)) throw new RunSpecError(value);
  return float(/nan$/i.test(text) ? Number.NaN : Number(text));
}
