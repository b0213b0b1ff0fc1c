/**
 * One `steps:` item as a `guild run` invocation (pure): a string
 * `OPSPEC [FLAG=VAL...] [options]` or a map with `run:`, `name:`, `flags:`
 * and run options. Unsupported options are reported, not silently dropped.
 */
import { encodeFlagValue } from "../flags/encode.js";
import { isFlagMap, type FlagValue } from "../flags/value.js";
import { shellSplit } from "../util/shell-quote.js";

export interface StepSpec {
  name: string;
  opspec: string;
  /** Options as `guild run` arguments, e.g. `["--max-trials", "3"]`. */
  options: string[];
  flagArgs: string[];
  ignored: string[];
}

/** Step run options we pass through, by CLI spelling: takes a value? */
const OPTIONS: Record<string, { long: string; value: boolean }> = {
  "-l": { long: "--label", value: true },
  "--label": { long: "--label", value: true },
  "-t": { long: "--tag", value: true },
  "--tag": { long: "--tag", value: true },
  "--max-trials": { long: "--max-trials", value: true },
  "-m": { long: "--max-trials", value: true },
  "--random-seed": { long: "--random-seed", value: true },
  "--optimizer": { long: "--optimizer", value: true },
  "-o": { long: "--optimizer", value: true },
  "--gpus": { long: "--gpus", value: true },
  "--batch-label": { long: "--batch-label", value: true },
  "--batch-tag": { long: "--batch-tag", value: true },
  "--fail-on-trial-error": { long: "--fail-on-trial-error", value: false },
  "--stage-trials": { long: "--stage-trials", value: false },
  "--needed": { long: "--needed", value: false },
  "-n": { long: "--needed", value: false },
};

export function parseStep(step: unknown): StepSpec {
  const data = isFlagMap(step) ? step : { run: String(step) };
  const tokens = shellSplit(String(data.run ?? data.name ?? ""));
  const spec: StepSpec = { name: "", opspec: "", options: [], flagArgs: [], ignored: [] };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as string;
    const opt = OPTIONS[tok];
    if (opt) {
      spec.options.push(opt.long, ...(opt.value ? [tokens[++i] ?? ""] : []));
    } else if (tok.startsWith("-")) {
      spec.ignored.push(tok.replace(/^-+/, "").replaceAll("-", "_"));
    } else if (!spec.opspec && !tok.includes("=")) {
      spec.opspec = tok;
    } else {
      spec.flagArgs.push(tok);
    }
  }
  addMapOptions(data, spec);
  if (isFlagMap(data.flags)) {
    for (const [name, value] of Object.entries(data.flags)) {
      if (value !== null) spec.flagArgs.push(`${name}=${encodeFlagValue(value as FlagValue)}`);
    }
  }
  spec.name = typeof data.name === "string" ? data.name : spec.opspec;
  return spec;
}

const MAP_KEYS = ["label", "tag", "max-trials", "random-seed", "optimizer", "gpus", "batch-label", "batch-tag"];
const MAP_SWITCHES = ["fail-on-trial-error", "needed"];

function addMapOptions(data: Record<string, unknown>, spec: StepSpec): void {
  for (const key of MAP_KEYS) {
    if (data[key] !== undefined && data[key] !== null) spec.options.push(`--${key}`, String(data[key]));
  }
  for (const key of MAP_SWITCHES) if (data[key] === true) spec.options.push(`--${key}`);
}

/** The arguments shown in `INFO: [guild] running NAME: ARGS`. */
export function stepArgs(spec: StepSpec, stageTrials: boolean): string[] {
  return [spec.opspec, ...(stageTrials ? ["--stage-trials"] : []), ...spec.options, ...spec.flagArgs];
}

/** The symlink name for a step's run in the parent: `[ :/\]` → `_`. */
export function stepLinkName(name: string, taken: ReadonlySet<string>): string {
  const base = name.replace(/[ :/\\]/g, "_");
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}
