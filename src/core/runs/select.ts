/**
 * Run selection specs of the runs commands (§9.3), applied to the filtered,
 * newest-first list: `N` (1-based index), ranges `A:B`, `A:`, `:B`, `:`,
 * and otherwise a run id prefix that must match exactly one run.
 */
import { fail, failPlain } from "../errors.js";
import { msg } from "../messages.js";
import { shortId } from "../store/ids.js";

export interface Selectable {
  id: string;
}

// What Python's int() accepts: surrounding space, a sign, `_` between digits.
const INDEX = /^\s*([-+]?[0-9]+(?:_[0-9]+)*)\s*$/;
// Guild matches ranges at the start of the spec only (`2:3x` is `2:3`).
const RANGE = /^([0-9]*):([0-9]*)/;

/**
 * The runs the specs name, in list order, each once. `cmdPath` (`guild runs
 * rm`) names the command in the no-match help line.
 */
export function selectRuns<T extends Selectable>(runs: readonly T[], specs: readonly string[], cmdPath: string): T[] {
  if (!specs.length) return [...runs];
  const selected = new Set<string>();
  for (const spec of specs) {
    for (const run of selectOne(runs, spec, cmdPath)) selected.add(run.id);
  }
  return runs.filter((r) => selected.has(r.id));
}

/** Exactly one run for `spec` (`runs info`): errors when none or several. */
export function selectOneRun<T extends Selectable>(runs: readonly T[], spec: string, cmdPath: string): T {
  const selected = selectOne(runs, spec, cmdPath);
  if (selected.length === 1) return selected[0] as T;
  if (!selected.length) fail(msg.noRunMatchCmd(spec, cmdPath));
  return failPlain(msg.multipleRunsMatch(spec, selected.map((r) => shortId(r.id))));
}

/**
 * The 0-based slice an index or range spec names in a list of `length`
 * runs, or undefined when Guild would look the spec up as an id prefix.
 */
export function indexSlice(spec: string, length: number): { start: number; end: number } | undefined {
  const slice = sliceFor(spec);
  if (!slice || !inRange(slice, length)) return undefined;
  return { start: slice.start ?? 0, end: slice.end ?? length };
}

function selectOne<T extends Selectable>(runs: readonly T[], spec: string, cmdPath: string): T[] {
  const slice = sliceFor(spec);
  if (slice && inRange(slice, runs.length)) return runs.slice(slice.start ?? 0, slice.end ?? runs.length);
  return [oneRun(runs.filter((r) => r.id.startsWith(spec)), spec, msg.noRunMatchCmd(spec, cmdPath))];
}

/**
 * The unique run among `matches`. Guild prints an ambiguous prefix's matches
 * as plain lines and exits without a `guild:` message.
 */
function oneRun<T extends Selectable>(matches: readonly T[], spec: string, noMatchMessage: string): T {
  if (matches.length === 0) fail(noMatchMessage);
  if (matches.length > 1) failPlain(msg.multipleRunsMatch(spec, matches.map((r) => shortId(r.id))));
  return matches[0] as T;
}

interface Slice {
  start: number | undefined;
  end: number | undefined;
}

/** `N` as the slice N-1:N, `A:B` as A-1:B (0-based, end exclusive). */
function sliceFor(spec: string): Slice | undefined {
  const index = INDEX.exec(spec);
  if (index) {
    const n = Number((index[1] as string).replaceAll("_", ""));
    return { start: n - 1, end: n };
  }
  const m = RANGE.exec(spec);
  if (!m) return undefined;
  return { start: m[1] ? Number(m[1]) - 1 : undefined, end: m[2] ? Number(m[2]) : undefined };
}

/**
 * Guild's test: a slice is taken when it starts at 0 or later and ends within
 * the list; an empty or reversed one (`3:1`, `:` of no runs) selects nothing.
 * Anything else (`0`, `2:9` of 5 runs) is looked up as an id prefix.
 */
function inRange(slice: Slice, length: number): boolean {
  return (slice.start === undefined || slice.start >= 0) && (slice.end === undefined || slice.end <= length);
}
