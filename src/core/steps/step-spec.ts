/**
 * One `steps:` item as a `guild run` invocation, built as Guild's steps_main
 * builds it (pure): a string `OPSPEC [FLAG=VAL...] [options]`, or a map with
 * `run:`, `name:`, `flags:` and run options, which replace the run spec's.
 * The parent run's params fill what the step leaves unset, and its flags
 * feed `${flag}` references and `<step>:NAME` flags.
 */
import { fail } from "../errors.js";
import { formatFlagAssigns } from "../flags/encode.js";
import { pythonRepr, pythonStr, pythonStrRepr } from "../flags/py-repr.js";
import { isFlagMap, isFloat, nameMap, type FlagMap, type FlagValue } from "../flags/value.js";
import { msg } from "../messages.js";
import { shellSplit } from "../util/shell-quote.js";
import { isSwitchParam, parseRunSpecArgs, type ParamValue } from "./run-spec-args.js";
import { resolveStepRef, stepFlagsFor } from "./step-flags.js";

export interface StepSpec {
  /** Shown in `running NAME: ...` and used for the step's link. */
  name: string;
  /** With the parent's model when the step names none. */
  opspec: string;
  /** The step's `guild run` params, resolved (label, tag and gpus as text). */
  params: Record<string, ParamValue>;
  /** Run options in Guild's fixed order, e.g. `["--label", "x", "--max-trials", "3"]`. */
  options: string[];
  batchFiles: string[];
  /** Sorted `NAME=VALUE` in display encoding, nulls dropped. */
  flagArgs: string[];
  /** Run params the spec sets that a step does not use (Python names, sorted). */
  ignored: string[];
  /** Warning texts for the `WARNING: [guild]` log. */
  warnings: string[];
}

export interface StepParent {
  flags: FlagMap;
  runParams: Record<string, unknown>;
  modelName: string;
}

const NO_PARENT: StepParent = { flags: {}, runParams: {}, modelName: "" };

// steps_main.STEP_USED_PARAMS: the `guild run` params a step passes on.
const USED = new Set([
  "batch_label", "batch_tag", "fail_on_trial_error", "flags", "force_flags", "gpus", "label",
  "max_trials", "maximize", "minimize", "needed", "no_gpus", "opspec", "opt_flags", "optimize",
  "optimizer", "random_seed", "remote", "stop_after", "tag",
]);

export function parseStep(step: unknown, parent: StepParent = NO_PARENT): StepSpec {
  const data = stepData(step);
  const runSpec = typeof data.run === "string" ? data.run.trim() : pythonStr(data.run ?? "");
  if (!runSpec) fail(msg.stepMustDefineRun(pythonRepr(data)));
  const { params, given } = runSpecParams(runSpec);
  const ignored = applyDataParams(params, given, data);
  const warnings = ignored.map((name) => msg.stepParamIgnored(name, pythonStrRepr(runSpec)));
  const opspecParam = params.opspec;
  if (typeof opspecParam !== "string" || !opspecParam) fail(msg.invalidRunSpec(pythonStrRepr(runSpec), "missing operation"));
  // Checked before taking the parent's params, so a step never inherits the
  // pipeline's own opspec (Guild would run the pipeline again).
  inheritParams(params, parent.runParams);
  const opspec = withDefaultModel(opspecParam, parent.modelName);
  const name = truthy(data.name as ParamValue) ? pythonStr(data.name as FlagValue) : opspecParam;
  resolveTextParams(params, parent.flags, name);
  const args = (params.flags as FlagValue[]).map((arg) => pythonStr(arg));
  const batchFiles = args.filter((arg) => arg.startsWith("@")).map((arg) => arg.slice(1));
  const prefixes = [`${opspec}:`, `${name}:`];
  const stepFlags = stepFlagsFor(args.filter((arg) => !arg.startsWith("@")), parent.flags, prefixes, name);
  warnings.push(...stepFlags.warnings);
  const flagArgs = formatFlagAssigns(stepFlags.flags);
  return { name, opspec, params, options: stepOptions(params), batchFiles, flagArgs, ignored, warnings };
}

/** The parent run's params fill the ones the step leaves unset (None). */
function inheritParams(params: Record<string, ParamValue>, parentParams: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(parentParams)) {
    if (params[name] === null || params[name] === undefined) params[name] = value as ParamValue;
  }
}

/** `--gpus`, `--label` and `--tag` with `${flag}` refs to the parent's flags resolved, as text. */
function resolveTextParams(params: Record<string, ParamValue>, parentFlags: FlagMap, stepName: string): void {
  const values = new Map(Object.entries(parentFlags));
  for (const key of ["gpus", "label", "tag"]) {
    const resolved = resolveStepRef(params[key] as FlagValue, values, stepName);
    params[key] = resolved === null ? null : pythonStr(resolved);
  }
}

/** A string step is its run spec; map `flags:` become `NAME=VALUE` args. */
function stepData(step: unknown): FlagMap {
  if (typeof step === "string") return { run: step };
  if (!isFlagMap(step)) fail(msg.invalidStepData(pythonRepr(step as FlagValue)));
  const data: FlagMap = nameMap(step);
  if ("flags" in data) {
    const flags = data.flags;
    if (Array.isArray(flags)) data.flags = flags;
    else if (isFlagMap(flags)) data.flags = formatFlagAssigns(flags);
    else fail(msg.invalidStepFlags(pythonRepr(flags as FlagValue)));
  }
  return data;
}

function runSpecParams(runSpec: string): ReturnType<typeof parseRunSpecArgs> {
  try {
    return parseRunSpecArgs(shellSplit(runSpec));
  } catch (e) {
    // shlex's and click's errors alike; Guild reports click's this way.
    fail(msg.invalidRunSpec(pythonStrRepr(runSpec), (e as Error).message));
  }
}

/**
 * Step map keys override the run spec's used params when they differ from
 * the default; other params the spec sets are ignored (returned, sorted).
 */
function applyDataParams(params: Record<string, ParamValue>, given: Set<string>, data: FlagMap): string[] {
  const ignored: string[] = [];
  for (const name of Object.keys(params).sort()) {
    if (USED.has(name)) {
      const key = name.replaceAll("_", "-");
      if (key in data && !isUnset(data[key] as FlagValue, isSwitchParam(name))) {
        params[name] = data[key] as ParamValue;
      }
    } else if (given.has(name)) {
      ignored.push(name);
    }
  }
  return ignored;
}

/** Python `value == default`: None for value params, False (or 0) for switches. */
function isUnset(value: FlagValue, isSwitch: boolean): boolean {
  if (value === null) return !isSwitch;
  return isSwitch && (value === false || value === 0 || (isFloat(value) && value.value === 0));
}

/** `train` in a pipeline of model `m` is `m:train`, as Guild's OpRef rules read it. */
function withDefaultModel(opspec: string, modelName: string): string {
  const m = /^(?:(?:[^/]+\/)?([^:]+):)?([^/:]+)$/.exec(opspec);
  if (!m || m[1] || !modelName) return opspec;
  return `${modelName}:${m[2]}`;
}

/** steps_main._step_options: Guild's fixed order, each when set. */
function stepOptions(p: Record<string, ParamValue>): string[] {
  const opts: string[] = [];
  const valueOpt = (opt: string, v: ParamValue | undefined, when = truthy(v)) => when && opts.push(opt, pythonStr(v as FlagValue));
  const switchOpt = (opt: string, v: ParamValue | undefined) => truthy(v) && opts.push(opt);
  valueOpt("--batch-label", p.batch_label);
  valueOpt("--batch-tag", p.batch_tag);
  switchOpt("--fail-on-trial-error", p.fail_on_trial_error);
  switchOpt("--force-flags", p.force_flags);
  valueOpt("--gpus", p.gpus, p.gpus !== null && p.gpus !== undefined);
  valueOpt("--label", p.label);
  valueOpt("--max-trials", p.max_trials);
  valueOpt("--maximize", p.maximize);
  valueOpt("--minimize", p.minimize);
  switchOpt("--needed", p.needed);
  switchOpt("--no-gpus", p.no_gpus);
  for (const flag of Array.isArray(p.opt_flags) ? p.opt_flags : []) opts.push("--opt-flag", pythonStr(flag));
  switchOpt("--optimize", p.optimize);
  valueOpt("--optimizer", p.optimizer);
  valueOpt("--random-seed", p.random_seed, p.random_seed !== null && p.random_seed !== undefined);
  valueOpt("--remote", p.remote);
  valueOpt("--stop-after", p.stop_after);
  valueOpt("--tag", p.tag);
  return opts;
}

/** Python truthiness of a param value. */
function truthy(v: ParamValue | undefined): boolean {
  if (v === null || v === undefined || v === false || v === "" || v === 0) return false;
  if (Array.isArray(v)) return v.length > 0;
  return typeof v === "object" ? v.value !== 0 : true;
}

/** The arguments shown in `INFO: [guild] running NAME: ARGS`. */
export function stepArgs(spec: StepSpec, stageTrials: boolean): string[] {
  return [
    spec.opspec,
    ...(stageTrials ? ["--stage-trials"] : []),
    ...spec.options,
    ...spec.batchFiles.map((file) => `@${file}`),
    ...spec.flagArgs,
  ];
}

/** The symlink name for a step's run in the parent: `[ :/\]` → `_`. */
export function stepLinkName(name: string, taken: ReadonlySet<string>): string {
  const base = name.replace(/[ :/\\]/g, "_");
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}
