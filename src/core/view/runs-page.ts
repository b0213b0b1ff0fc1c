/**
 * `/api/runs`: one page of the filtered, searched and sorted runs, each as
 * `runs list --json` shows it plus its flags, tags and last scalar values.
 * The default order (newest first, no search, no filter) is served from the
 * run index and reads only the page's runs; a filter, a search or another
 * order looks at every run once, keeping only what it sorts on (search text cached, see
 * run-facts.ts). That pass can read 100,000 runs' files: it works in slices
 * of a few milliseconds and yields to the event loop between them, so the
 * server answers other requests and the event stream meanwhile.
 */
import { performance } from "node:perf_hooks";
import type { Ctx } from "../context.js";
import { isFilterEmpty, runMatches, statusCheckNeeded, type RunsFilter } from "../runs/filter.js";
import { runListJson, type Json } from "../runs/json.js";
import { filteredRunsView, rowFor, userHomeFor, type RunRow } from "../runs/list.js";
import { noteRunChanged, openRunList } from "../store/run-index.js";
import type { IndexedStatus, RunEntry } from "../store/run-order.js";
import { runInfoScalars } from "../scalars/info.js";
import { matchesWords, runFlags, type FactsCache, type RunFacts } from "./run-facts.js";
import { isDefaultSort, type SortSpec, type ViewRunsQuery } from "./runs-query.js";

export interface RunsPage {
  total: number;
  offset: number;
  limit: number;
  runs: { [key: string]: Json }[];
}

/** The runs `guild view` was started for: its filter options, and its RUN args as ids. */
export interface ViewScope {
  filter: RunsFilter;
  ids?: ReadonlySet<string>;
}

/**
 * A pass over every run, seen from outside: `aborted` ends it early (the
 * client went away; it then resolves to undefined), `progress` hears how
 * far it got each time it yields.
 */
export interface PassSignal {
  readonly aborted: boolean;
  progress?(done: number, total: number): void;
}

export async function runsPage(q: ViewRunsQuery, scope: ViewScope, ctx: Ctx, facts: FactsCache, signal: PassSignal = { aborted: false }): Promise<RunsPage | undefined> {
  const ordered = isDefaultSort(q.sort) && !q.text.length;
  if (ordered && isFilterEmpty(q.filter) && isFilterEmpty(scope.filter) && !scope.ids) {
    const view = filteredRunsView({ deleted: false }, ctx);
    const rows = view.slice(q.offset, q.offset + q.limit);
    return { total: view.length, offset: q.offset, limit: q.limit, runs: rows.map(pageRow) };
  }
  const keyed = await matchingRuns(q, scope, ctx, facts, signal);
  if (!keyed) return undefined;
  // Newest first with no search is the list's own order: nothing to sort on.
  if (!ordered) keyed.sort((a, b) => compareKeys(a.key, b.key, q.sort.desc) || a.index - b.index);
  const userHome = userHomeFor(ctx.env);
  const page = keyed.slice(q.offset, q.offset + q.limit).map((m) => rowFor(m.entry, ctx.cwd, userHome, m.index));
  return { total: keyed.length, offset: q.offset, limit: q.limit, runs: page.map(pageRow) };
}

interface Match {
  entry: RunEntry;
  /** 1-based, in the filtered newest-first list. */
  index: number;
  key: SortKey;
}

/** How long a pass works before it lets other requests in. */
const SLICE_MS = 8;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Every run in scope that the filter and search words match, with its sort
 * key. Rows are made one at a time and dropped once looked at: what stays
 * is the run's entry and key (and its search text, in the facts cache), so
 * a search of 100,000 runs does not hold 100,000 rows. A filter without a
 * search in the default order needs no facts: it takes each run's status
 * from the run index, checked against the run's files (a stat) as
 * `guild runs` checks it, and keeps the list's order; like a search, it
 * yields between slices, so the server answers other requests meanwhile. Undefined if the
 * pass was ended early.
 */
async function matchingRuns(q: ViewRunsQuery, scope: ViewScope, ctx: Ctx, facts: FactsCache, signal: PassSignal): Promise<Match[] | undefined> {
  const userHome = userHomeFor(ctx.env);
  const key = sortKey(q.sort);
  const needsFacts = q.text.length > 0 || !isDefaultSort(q.sort);
  const statusChecked = statusCheck(q.filter, scope.filter);
  const seen = new Set<string>();
  const out: Match[] = [];
  let index = 0;
  let sliceStart = performance.now();
  const list = openRunList(ctx.home);
  const cached = list.cached();
  let k = -1;
  for (let entry of list) {
    k++;
    if (performance.now() - sliceStart > SLICE_MS) {
      signal.progress?.(seen.size, list.length);
      await nextTurn();
      if (signal.aborted) return undefined;
      sliceStart = performance.now();
    }
    seen.add(entry.id);
    if (scope.ids && !scope.ids.has(entry.id)) continue;
    if (statusChecked && entry.indexedStatus !== undefined && statusChecked(entry.indexedStatus) && !cached.isCurrent(k)) {
      // The index is behind this run's files: read its status from them, and have the index re-read it.
      noteRunChanged(entry.dir);
      entry = { ...entry, indexedStatus: undefined };
    }
    // A status the index holds (and the files confirmed) that a filter leaves out: no row to make.
    if (statusChecked && entry.indexedStatus !== undefined && entry.indexedStatus !== "running" && statusLeftOut(entry.indexedStatus, q.filter, scope.filter)) continue;
    const row = rowFor(entry, ctx.cwd, userHome);
    if (!isFilterEmpty(scope.filter) && !runMatches(row, scope.filter)) continue;
    if (!isFilterEmpty(q.filter) && !runMatches(row, q.filter)) continue;
    row.index = ++index;
    if (!needsFacts) {
      out.push({ entry, index, key: index });
      continue;
    }
    const f = facts.factsFor(row);
    if (q.text.length && !matchesWords(row.id, f, q.text)) continue;
    out.push({ entry, index, key: key(row, f) });
  }
  if (needsFacts) facts.retain(seen);
  return out;
}

function statusLeftOut(status: IndexedStatus, ...filters: RunsFilter[]): boolean {
  return filters.some((f) => f.statuses?.length && !f.statuses.includes(status));
}

/** Under a filter (the query's or the scope's), which indexed statuses to check against the run's files, as `guild runs` does. */
function statusCheck(...filters: RunsFilter[]): ((status: IndexedStatus) => boolean) | undefined {
  const checks = filters.filter((f) => !isFilterEmpty(f)).map(statusCheckNeeded);
  return checks.length ? (status) => checks.some((c) => c(status)) : undefined;
}

/** A listed run: `runs list --json` fields (tags among them) plus flags and `scalars` (key → [last value, step]). */
export function pageRow(row: RunRow): { [key: string]: Json } {
  const scalars: { [key: string]: Json } = {};
  for (const s of runInfoScalars(row.dir, true)) scalars[s.key] = [finite(s.value), s.step];
  return { ...runListJson(row), flags: runFlags(row), scalars };
}

type SortKey = string | number | null;

function sortKey(sort: SortSpec): (row: RunRow, f: RunFacts) => SortKey {
  const c = sort.column;
  if (c.startsWith("flag:")) return (row) => flagKey(runFlags(row)[c.slice(5)]);
  if (c.startsWith("scalar:")) {
    const key = c.slice(7);
    return (row) => runInfoScalars(row.dir, true).find((s) => s.key === key)?.value ?? null;
  }
  const plain: Record<string, (row: RunRow, f: RunFacts) => SortKey> = {
    started: (_r, f) => f.started,
    stopped: (_r, f) => f.stopped,
    id: (r) => r.id,
    operation: (r) => r.opDesc,
    status: (r) => r.status,
    label: (r) => r.label,
  };
  return plain[c] ?? ((_r, f) => f.started);
}

function flagKey(v: Json | undefined): SortKey {
  if (v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string") return v;
  return JSON.stringify(v);
}

/** Runs without a value sort last either way; numbers before strings. */
function compareKeys(a: SortKey, b: SortKey, desc: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a !== typeof b) return typeof a === "number" ? -1 : 1;
  const order = a < b ? -1 : a > b ? 1 : 0;
  return desc ? -order : order;
}

function finite(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
