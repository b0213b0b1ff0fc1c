/**
 * Selecting runs for a command (`runs rm SPEC`, `runs info`, ...) without
 * reading every run when it need not: with no filters, index and range
 * specs are taken from the run list by position, and a whole run id is
 * looked up directly. Anything else (prefixes, filters) uses the full
 * filtered list, with Guild's rules (select.ts).
 */
import { join } from "node:path";
import type { Ctx } from "../context.js";
import { runsDirFor } from "../home.js";
import { isRunDir } from "../store/find-run.js";
import { runTimestamp } from "../store/run-order.js";
import { isFilterEmpty } from "./filter.js";
import { fail, failPlain } from "../errors.js";
import { msg } from "../messages.js";
import { shortId } from "../store/ids.js";
import { filteredRunsView, rowFor, userHomeFor, type RowsView, type RunRow, type RunsQuery } from "./list.js";
import { indexSlice, selectRuns } from "./select.js";

const FULL_ID = /^[0-9a-f]{32}$/;

export function selectRunRows(query: RunsQuery, specs: readonly string[], cmdPath: string, ctx: Ctx): RunRow[] {
  // Whole ids need no listing at all (an id that is no run falls through).
  if (specs.length && !query.deleted && query.archive === undefined && isFilterEmpty(query) && specs.every((s) => FULL_ID.test(s))) {
    const rows = specs.map((id) => rowForId(id, ctx));
    if (rows.every((r) => r !== undefined)) return [...new Map(rows.flat().map((r) => [r.id, r])).values()];
  }
  return selectFromView(filteredRunsView(query, ctx), query, specs, cmdPath, ctx);
}

/** Exactly one run (`runs info`, `cat`, `ls`): the latest when `spec` is undefined. */
export function selectOneRunRow(query: RunsQuery, spec: string | undefined, cmdPath: string, ctx: Ctx): RunRow {
  const view = filteredRunsView(query, ctx);
  if (!view.length) fail(msg.noMatchingRuns());
  const runSpec = spec ?? "1";
  const rows = selectFromView(view, query, [runSpec], cmdPath, ctx);
  if (rows.length === 1) return rows[0] as RunRow;
  if (!rows.length) fail(msg.noRunMatchCmd(runSpec, cmdPath));
  return failPlain(msg.multipleRunsMatch(runSpec, rows.map((r) => shortId(r.id))));
}

function selectFromView(view: RowsView, query: RunsQuery, specs: readonly string[], cmdPath: string, ctx: Ctx): RunRow[] {
  if (!specs.length) return view.slice(0, view.length);
  if (query.deleted || query.archive !== undefined || !isFilterEmpty(query)) return selectRuns(view.slice(0, view.length), specs, cmdPath);
  const picked = new Map<string, RunRow>();
  for (const spec of specs) {
    const slice = indexSlice(spec, view.length);
    const rows = slice ? view.slice(slice.start, slice.end) : FULL_ID.test(spec) ? rowForId(spec, ctx) : undefined;
    // A prefix: Guild's rules over the whole list.
    if (!rows) return selectRuns(view.slice(0, view.length), specs, cmdPath);
    for (const row of rows) picked.set(row.id, row);
  }
  return [...picked.values()].sort((a, b) => a.index - b.index);
}

/** A whole id names its run directly (an id that is no run falls back to Guild's lookup). */
function rowForId(id: string, ctx: Ctx): RunRow[] | undefined {
  const dir = join(runsDirFor(ctx.home), id);
  if (!isRunDir(dir)) return undefined;
  return [rowFor({ id, dir, timestamp: runTimestamp(dir) }, ctx.cwd, userHomeFor(ctx.env), 0)];
}
