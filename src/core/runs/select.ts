/**
 * Run selection specs of the runs commands (§9.3), applied to the filtered,
 * newest-first list: `N` (1-based index), ranges `A:B`, `A:`, `:B`, `:`,
 * and otherwise a run id prefix that must match exactly one run.
 */
import { fail } from "../errors.js";
import { msg } from "../messages.js";
import { shortId } from "../store/ids.js";

export interface Selectable {
  id: string;
}

const INDEX = /^[0-9]+$/;
const RANGE = /^([0-9]*):([0-9]*)$/;

export function selectRuns<T extends Selectable>(runs: readonly T[], specs: readonly string[], cmd: string): T[] {
  if (!specs.length) return [...runs];
  const selected = new Map<string, T>();
  for (const spec of specs) {
    for (const run of selectOne(runs, spec, cmd)) selected.set(run.id, run);
  }
  return runs.filter((r) => selected.has(r.id));
}

function selectOne<T extends Selectable>(runs: readonly T[], spec: string, cmd: string): T[] {
  const byIndex = selectByIndex(runs, spec);
  if (byIndex) return byIndex;
  const matches = runs.filter((r) => r.id.startsWith(spec));
  if (matches.length === 0) fail(msg.noRunMatchCmd(spec, cmd));
  if (matches.length > 1) fail(msg.multipleRunsMatch(spec, matches.map((r) => shortId(r.id))));
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
  if (start < 1 || start > end) return undefined;
  return runs.slice(start - 1, end);
}
