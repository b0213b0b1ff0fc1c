/**
 * `/api/runs`: one page of the filtered, searched and sorted runs, each as
 * `runs list --json` shows it plus its flags, tags and last scalar values.
 * The default order (newest first, no search) is served from the run index
 * and reads only the page's runs; a search or another order reads every
 * filtered run's facts (cached, see run-facts.ts).
 */
import type { Ctx } from "../context.js";
import { isFilterEmpty, runMatches, type RunsFilter } from "../runs/filter.js";
import { runListJson, type Json } from "../runs/json.js";
import { filteredRunsView, type RowsView, type RunRow } from "../runs/list.js";
import { runInfoScalars } from "../scalars/info.js";
import { runFlags, runTags, type FactsCache, type RunFacts } from "./run-facts.js";
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

export function runsPage(q: ViewRunsQuery, scope: ViewScope, ctx: Ctx, facts: FactsCache): RunsPage {
  const view = scopedView(q.filter, scope, ctx);
  if (!q.text.length && isDefaultSort(q.sort)) {
    const rows = view.slice(q.offset, q.offset + q.limit);
    return { total: view.length, offset: q.offset, limit: q.limit, runs: rows.map(pageRow) };
  }
  const all = view.slice(0, view.length);
  facts.retain(new Set(all.map((r) => r.id)));
  let rows = all.map((row) => ({ row, facts: facts.factsFor(row) }));
  if (q.text.length) rows = rows.filter(({ facts: f }) => q.text.every((word) => f.text.includes(word)));
  const key = sortKey(q.sort);
  const keyed = rows.map((r) => ({ ...r, key: key(r.row, r.facts) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key, q.sort.desc) || a.row.index - b.row.index);
  const page = keyed.slice(q.offset, q.offset + q.limit);
  return { total: keyed.length, offset: q.offset, limit: q.limit, runs: page.map((r) => pageRow(r.row)) };
}

/** The query's filter within the scope; without a scope, straight from the run index. */
function scopedView(filter: RunsFilter, scope: ViewScope, ctx: Ctx): RowsView {
  if (isFilterEmpty(scope.filter) && !scope.ids) return filteredRunsView({ ...filter, deleted: false }, ctx);
  const inScope = filteredRunsView({ ...scope.filter, deleted: false }, ctx);
  const rows = inScope
    .slice(0, inScope.length)
    .filter((r) => (!scope.ids || scope.ids.has(r.id)) && (isFilterEmpty(filter) || runMatches(r, filter)));
  return { length: rows.length, slice: (start, end) => rows.slice(start, end) };
}

/** A listed run: `runs list --json` fields plus flags, tags and `scalars` (key → [last value, step]). */
export function pageRow(row: RunRow): { [key: string]: Json } {
  const scalars: { [key: string]: Json } = {};
  for (const s of runInfoScalars(row.dir, true)) scalars[s.key] = [finite(s.value), s.step];
  return { ...runListJson(row), flags: runFlags(row), tags: runTags(row), scalars };
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
