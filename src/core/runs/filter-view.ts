/**
 * The runs of a run list that match a filter, decided from what the run
 * index caches wherever that is enough, so that a status or operation
 * filter over 10,000 runs makes rows only for the runs it shows.
 *
 * - Status: after `recheckRunList` with `needsCheck`, a cached status that
 *   `needsCheck` accepts is current; one it leaves out cannot match the
 *   status filter (see statusCheckNeeded). A running or uncached run is
 *   read from its files.
 * - Operation: a run's cached opref line holds while its `.guild/opref`
 *   keeps its stamp (one stat); the line is matched once per distinct
 *   operation. A run whose opref changed is read from its files, and
 *   noted so the index re-reads it.
 * Any other filter, and any run the cache cannot decide, goes through a row
 * and `runMatches`.
 */
import type { IndexedStatus, RunEntry } from "../store/run-order.js";
import type { RunList } from "../store/run-list.js";
import { isFilterEmpty, opsMatch, runMatches, type RunsFilter } from "./filter.js";
import type { RowsView, RunRow } from "./list.js";
import { opDescsForLine } from "./op-desc.js";

export interface FilterViewOptions {
  needsCheck: (status: IndexedStatus) => boolean;
  userHome: string;
  makeRow: (entry: RunEntry, index: number) => RunRow;
  /** Runs whose cached opref no longer holds. */
  noteStale: (ids: string[]) => void;
}

export interface MatchingView extends RowsView {
  /** List positions of the matches `start` to `end`. */
  positionsIn(start: number, end: number): number[];
}

export function matchingView(list: RunList, query: RunsFilter, o: FilterViewOptions): MatchingView {
  const statuses = query.statuses?.length ? query.statuses : undefined;
  const ops = query.ops?.length ? query.ops : undefined;
  // Whether the cache can decide every filter asked for.
  const cacheDecides = isFilterEmpty({ ...query, statuses: undefined, ops: undefined });
  const opMatch = opMatcher(ops, o.userHome);
  const cached = list.cached();
  const positions: number[] = [];
  const made = new Map<number, RunRow>();
  const stale: string[] = [];
  // `list.at` costs O(live runs): to make many rows, walk the list once.
  let all: RunEntry[] | undefined = cacheDecides ? undefined : [...list];
  const entryAt = (k: number): RunEntry => (all ? (all[k] as RunEntry) : list.at(k));
  for (let k = 0; k < list.length; k++) {
    let decided = cacheDecides;
    if (statuses) {
      const status = cached.status(k);
      if (status === undefined || status === "running") decided = false;
      else if (!o.needsCheck(status) || !statuses.includes(status)) continue;
    }
    if (ops) {
      const line = cached.opref(k);
      if (line === undefined) decided = false;
      else if (!cached.isOprefCurrent(k)) {
        stale.push(cached.id(k));
        decided = false;
      } else if (!opMatch(line)) continue;
    }
    if (!decided) {
      const row = o.makeRow(entryAt(k), positions.length + 1);
      if (!runMatches(row, query)) continue;
      made.set(positions.length, row);
    }
    positions.push(k);
  }
  if (stale.length) o.noteStale(stale);
  return {
    length: positions.length,
    positionsIn: (start, end) => positions.slice(start, end),
    slice: (start, end) => {
      const rows: RunRow[] = [];
      if (end - start > 64) all ??= [...list];
      for (let m = start; m < Math.min(end, positions.length); m++) {
        const row = made.get(m) ?? o.makeRow(entryAt(positions[m] as number), m + 1);
        row.index = m + 1;
        rows.push(row);
      }
      return rows;
    },
  };
}

/** Whether an opref line's operation matches `ops`, worked out once per distinct line. */
function opMatcher(ops: readonly string[] | undefined, userHome: string): (line: string) => boolean {
  const known = new Map<string, boolean>();
  return (line) => {
    let match = known.get(line);
    if (match === undefined) {
      const { opDesc, pkgDesc } = opDescsForLine(line, userHome);
      match = ops === undefined || opsMatch(opDesc, pkgDesc, ops);
      known.set(line, match);
    }
    return match;
  };
}
