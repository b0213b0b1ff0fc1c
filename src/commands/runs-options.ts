/**
 * The run filter options every runs command takes (§9.2), and their
 * conversion to a core `RunsFilter`. Guild's later spellings (`-Sr`, `-Fo`,
 * ...) are mapped to these in src/cli.ts.
 */
import { Option, type Command } from "commander";
import { fail } from "../core/errors.js";
import type { RunsFilter } from "../core/runs/filter.js";
import { parseTimeRange, TimeRangeError } from "../core/runs/timerange.js";
import type { RunStatus } from "../core/store/status.js";

export interface StatusCliOptions {
  running?: boolean;
  completed?: boolean;
  error?: boolean;
  terminated?: boolean;
  pending?: boolean;
  staged?: boolean;
}

export interface FilterCliOptions extends StatusCliOptions {
  operation?: string[];
  label?: string[];
  unlabeled?: boolean;
  marked?: boolean;
  unmarked?: boolean;
  started?: string;
  digest?: string;
  /** Repeated `--host` filter; a string where the command's own `--host` is an address. */
  host?: string[] | string;
  /** `--tag` where it filters; `-Ft` always (label's `--tag` prepends). */
  tag?: string[] | string;
  filterTag?: string[];
}

/** Commander's accumulator for a repeatable option. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function addStatusFilters(cmd: Command): Command {
  return cmd
    .option("-R, --running", "Filter only runs that are still running (-Sr).")
    .option("-C, --completed", "Filter only completed runs (-Sc).")
    .option("-E, --error", "Filter only runs that exited with an error (-Se).")
    .option("-T, --terminated", "Filter only runs terminated by the user (-St).")
    .option("-P, --pending", "Filter only pending runs (-Sp).")
    .option("-G, --staged", "Filter only staged runs (-Ss).");
}

/** Operation, label, marked, started and digest filters (no status). */
export function addOpAndLabelFilters(cmd: Command): Command {
  filterOption(cmd, "-o, --operation <val>", "Filter runs with operations matching VAL (-Fo).", collect);
  filterOption(cmd, "-l, --label <val>", "Filter runs with labels matching VAL (-Fl).", collect);
  filterOption(cmd, "-S, --started <range>", "Filter only runs started within RANGE, e.g. 'last hour', today, 'after 7-1' (-Fs).");
  filterOption(cmd, "-D, --digest <val>", "Filter only runs with a matching source code digest (-Fd).");
  cmd
    .option("-U, --unlabeled", "Filter only runs without labels (-Fu).")
    .option("-M, --marked", "Filter only marked runs (-Fm).")
    .option("-N, --unmarked", "Filter only unmarked runs (-Fn).")
    .addOption(new Option("--filter-tag <tag>").hideHelp().argParser(collect));
  // `view` and `tensorboard` have a --host of their own (the address they serve on).
  if (!cmd.options.some((o) => o.long === "--host")) {
    cmd.option("--host <name>", "Filter only runs that ran on host NAME (may be used more than once).", collect);
  }
  return cmd;
}

/**
 * A filter option whose short flag is left out where the command uses it
 * for something else (`comment -l` lists, `diff -D` diffs deps, `merge -S`
 * skips source code, as in Guild 0.9, whose filters are all `-F?`); the
 * `-F?` spelling still reaches it (src/cli.ts).
 */
function filterOption(cmd: Command, flags: string, description: string, parse?: (v: string, prev?: string[]) => string[]): void {
  const [short, long] = flags.split(", ") as [string, string];
  const taken = cmd.options.some((o) => o.short === short);
  if (parse) cmd.option(taken ? long : flags, description, parse);
  else cmd.option(taken ? long : flags, description);
}

/** `--tag TAG` filters (Guild's `-Ft, --tag`), unless the command's own `--tag` does something else. */
function addTagFilter(cmd: Command): Command {
  if (cmd.options.some((o) => o.long === "--tag")) return cmd;
  return cmd.option("--tag <tag>", "Filter runs with TAG (-Ft). May be used multiple times.", collect);
}

export function addFilterOptions(cmd: Command): Command {
  return addStatusFilters(addTagFilter(addOpAndLabelFilters(cmd)));
}

export function statusesFor(o: StatusCliOptions): RunStatus[] {
  const all: [keyof StatusCliOptions, RunStatus][] = [
    ["running", "running"],
    ["completed", "completed"],
    ["error", "error"],
    ["terminated", "terminated"],
    ["pending", "pending"],
    ["staged", "staged"],
  ];
  return all.filter(([key]) => o[key]).map(([, status]) => status);
}

/** `cmdPath` (`guild runs list`) names the command in the range help line. */
export function runsFilterFor(o: FilterCliOptions, cmdPath: string, now = new Date()): RunsFilter {
  if (o.label?.length && o.unlabeled) fail("--label and --unlabeled cannot both be used");
  if (o.marked && o.unmarked) fail("--marked and --unmarked cannot both be used");
  return {
    statuses: statusesFor(o),
    ops: o.operation ?? [],
    labels: o.label ?? [],
    unlabeled: o.unlabeled === true,
    marked: o.marked === true,
    unmarked: o.unmarked === true,
    started: o.started !== undefined ? startedRange(o.started, cmdPath, now) : undefined,
    digest: o.digest,
    hosts: Array.isArray(o.host) ? o.host : [],
    tags: [...(o.filterTag ?? []), ...(Array.isArray(o.tag) ? o.tag : [])],
  };
}

function startedRange(spec: string, cmdPath: string, now: Date): RunsFilter["started"] {
  try {
    return parseTimeRange(spec)(now);
  } catch (e) {
    if (!(e instanceof TimeRangeError)) throw e;
    return fail(`invalid RANGE: ${e.message}\nTry '${cmdPath} --help' for help specifying time ranges.`);
  }
}

export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}
