/**
 * Run selection specs of the runs commands (§9.3), applied to the filtered,
 * newest-first list: `N` (1-based index), ranges `A:B`, `A:`, `:B`, `:`,
 * and otherwise a run id prefix that must match exactly one run. An index
 * or range outside the list is taken as an id prefix, as Guild does.
 */
import { fail, failPlain } from "../errors.js";
import { msg } from "../messages.js";
import { shortId } from "../store/ids.js";

export interface Selectable {
  id: string;
}

const INDEX = /^[0-9]+$/;
const RANGE = /^([0-9]*):([0-9]*)$/;

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

function selectOne<T extends Selectable>(runs: readonly T[], spec: string, cmdPath: string): T[] {
  const byIndex = selectByIndex(runs, spec);
  if (byIndex) return byIndex;
  const matches = runs.filter((r) => r.id.startsWith(spec));
  if (matches.length === 0) fail(msg.noRunMatchCmd(spec, cmdPath));
  if (matches.length > 1) failPlain(msg.multipleRunsMatch(spec, matches.map((r) => shortId(r.id))));
  return matches;
}

function selectByIndex<T>(runs: readonly T[], spec: string): T[] | undefined {
  if (INDEX.test(spec)) {
    const i = Number(spec);
    return i >= 1 && i <= runs.length ? [runs[i - 1] as T] : undefined;
  }
  const m = RANGE.exec(spec);
  if (!m) return undefined;
  const start = m[1] ? Number(m[1]) : 1;
  const end = m[2] ? Number(m[2]) : runs.length;
  if (start < 1 || end > runs.length) return undefined;
  return runs.slice(start - 1, end);
}
