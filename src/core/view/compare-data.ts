/**
 * The compare page's data: the chosen runs' flags and scalar summaries side
 * by side (with which flags differ), and their scalar series, thinned on
 * the server (downsample.ts) so a chart gets at most 2,000 points a series.
 * Both come from the series cache, so event files are decoded once.
 */
import type { Json } from "../runs/json.js";
import type { RunRow } from "../runs/list.js";
import { compareCodePoints } from "../yaml/emitter.js";
import { downsample, type Series } from "./downsample.js";
import type { SeriesCache } from "./event-series.js";
import { SeriesMemo } from "./series-memo.js";
import { runFlags, type FactsCache } from "./run-facts.js";

export interface ScalarStats {
  last: number | null;
  step: number;
  min: number | null;
  max: number | null;
  count: number;
}

export interface CompareData {
  runs: { id: string; operation: string; status: string; label: string; started: number | null; flags: { [name: string]: Json }; scalars: { [key: string]: ScalarStats } }[];
  flags: string[];
  /** Flags whose value is not the same in every run. */
  differentFlags: string[];
  scalars: string[];
}

export function compareData(rows: readonly RunRow[], facts: FactsCache, cache: SeriesCache): CompareData {
  const runs = rows.map((row) => {
    const f = facts.factsFor(row);
    const scalars: { [key: string]: ScalarStats } = {};
    for (const [key, s] of cache.runSeries(row.dir).byKey) scalars[key] = derived(s).stats;
    return { id: row.id, operation: row.opDesc, status: row.status, label: row.label, started: f.started, flags: runFlags(row), scalars };
  });
  const flags = sortedUnion(runs.map((r) => Object.keys(r.flags)));
  const differentFlags = flags.filter((name) => new Set(runs.map((r) => JSON.stringify(r.flags[name] ?? null))).size > 1);
  return { runs, flags, differentFlags, scalars: sortedUnion(runs.map((r) => Object.keys(r.scalars))) };
}

/** Guild's summary of a series: the last point by step (the later of equal steps), lowest and highest value. */
export function seriesStats(s: Series): ScalarStats {
  let last = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < s.step.length; i++) {
    if ((s.step[i] as number) >= (s.step[last] as number)) last = i;
    const v = s.value[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { last: finite(s.value[last] as number), step: s.step[last] as number, min: finite(min), max: finite(max), count: s.step.length };
}

/** Each run's series (only `keys` when given), each at most `limit` points. */
export function seriesData(rows: readonly RunRow[], keys: readonly string[], cache: SeriesCache, limit: number): { [id: string]: { [key: string]: Series } } {
  const out: { [id: string]: { [key: string]: Series } } = {};
  for (const row of rows) {
    const byKey: { [key: string]: Series } = {};
    for (const [key, s] of cache.runSeries(row.dir).byKey) {
      if (keys.length && !keys.includes(key)) continue;
      byKey[key] = thinned(s, limit);
    }
    out[row.id] = byKey;
  }
  return out;
}

/** A series' stats, and its thinned points for the last few `points` asked. */
const derivedMemo = new SeriesMemo<{ stats: ScalarStats; thinned: Map<number, Series> }>();

function derived(s: Series): { stats: ScalarStats; thinned: Map<number, Series> } {
  return derivedMemo.get(s, () => ({ stats: seriesStats(s), thinned: new Map() }));
}

function thinned(s: Series, limit: number): Series {
  const d = derived(s);
  let t = d.thinned.get(limit);
  if (!t) {
    // A few page widths at a time; any other `points` is worked out again.
    if (d.thinned.size >= 4) d.thinned.clear();
    d.thinned.set(limit, (t = downsample(s, limit)));
  }
  return t;
}

function sortedUnion(lists: readonly string[][]): string[] {
  return [...new Set(lists.flat())].sort(compareCodePoints);
}

function finite(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
