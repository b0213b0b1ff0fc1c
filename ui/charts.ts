/**
 * Scalar charts: one uPlot chart per tag with every compared run's series
 * overlaid, x as step or as seconds since the run's first point, optional
 * log y and smoothing (TensorBoard's debiased moving average). Hovering
 * shows each run's value in the legend.
 */
import uPlot from "uplot";
import type { Series } from "./api.js";
import { h } from "./dom.js";
import { pointsFor } from "./compare-paths.js";
import { colorFor, formatNumber, shortId } from "./format.js";

export interface ChartOptions {
  x: "step" | "time";
  logY: boolean;
  /** 0 (none) to 0.99. */
  smoothing: number;
}

export interface ChartRun {
  id: string;
  index: number;
  series: Series | undefined;
}

/** A card with the chart for one scalar key; `destroy` frees the chart. */
export function scalarChart(key: string, runs: readonly ChartRun[], o: ChartOptions, width: number): { el: HTMLElement; destroy(): void } {
  const el = h("div", { class: "chart-card", "data-key": key }, h("h3", {}, key));
  const shown = runs.filter((r) => r.series && r.series.step.length);
  const tables = shown.map((r) => table(r.series as Series, o));
  const data = tables.length === 1 ? (tables[0] as uPlot.AlignedData) : joinTables(tables, pointsFor(width));
  const plot = new uPlot(
    {
      width,
      height: 240,
      scales: { x: { time: false }, y: o.logY ? { distr: 3 } : {} },
      axes: [
        { label: o.x === "step" ? "step" : "seconds", stroke: "#555", grid: { stroke: "#eee" } },
        { stroke: "#555", grid: { stroke: "#eee" }, size: 60, values: (_u, ticks) => ticks.map((t) => formatNumber(t)) },
      ],
      series: [
        { label: o.x },
        ...shown.map((r) => ({
          label: shortId(r.id),
          stroke: colorFor(r.index),
          width: 1.5,
          spanGaps: true,
          points: { show: false },
          value: (_u: uPlot, v: number | null) => (v === null ? "–" : formatNumber(v)),
        })),
      ],
      legend: { live: true },
      cursor: { drag: { x: true, y: false } },
    },
    data,
    el,
  );
  return { el, destroy: () => plot.destroy() };
}

/** One run's points as [x, y], x ascending and unique (a later point wins). */
function table(s: Series, o: ChartOptions): uPlot.AlignedData {
  const time = s.time ?? [];
  const t0 = time[0] ?? 0;
  const xs = o.x === "step" ? s.step : time.map((t) => t - t0);
  const ys = smooth(s.value, o.smoothing).map((v) => (v === null || (o.logY && v <= 0) ? null : v));
  // The usual case, steps logged in order: nothing to sort.
  if (ascending(xs)) return [xs, ys];
  const byX = new Map<number, number | null>();
  xs.forEach((x, i) => byX.set(x, ys[i] ?? null));
  const sorted = [...byX.keys()].sort((a, b) => a - b);
  return [sorted, sorted.map((x) => byX.get(x) ?? null)];
}

function ascending(xs: readonly number[]): boolean {
  for (let i = 1; i < xs.length; i++) if (!((xs[i] as number) > (xs[i - 1] as number))) return false;
  return true;
}

/**
 * The runs' points on one x axis. Thinned series of several runs rarely
 * share x values (each keeps its own extremes), and a union of 20 × 2,000
 * x values would make every series mostly gaps: past `slots` distinct
 * values (as many as the chart can show), each point moves to the nearest
 * of `slots` evenly spread x values (its slot keeps the value farthest from
 * the slot's first, so spikes stay).
 */
function joinTables(tables: readonly uPlot.AlignedData[], slots: number): uPlot.AlignedData {
  const xs = new Set<number>();
  for (const t of tables) for (const x of t[0] as number[]) xs.add(x);
  if (xs.size <= slots) return uPlot.join([...tables]);
  const lo = Math.min(...tables.map((t) => (t[0][0] as number) ?? Infinity));
  const hi = Math.max(...tables.map((t) => (t[0][t[0].length - 1] as number) ?? -Infinity));
  const width = (hi - lo) / (slots - 1) || 1;
  const grid = Array.from({ length: slots }, (_v, i) => lo + i * width);
  const columns = tables.map((t) => {
    const col: (number | null)[] = new Array<number | null>(slots).fill(null);
    const first: (number | null)[] = new Array<number | null>(slots).fill(null);
    (t[0] as number[]).forEach((x, i) => {
      const y = (t[1] as (number | null)[])[i] ?? null;
      if (y === null) return;
      const slot = Math.min(slots - 1, Math.max(0, Math.round((x - lo) / width)));
      const f = first[slot] ?? null;
      if (f === null) (first[slot] = y), (col[slot] = y);
      else if (Math.abs(y - f) > Math.abs((col[slot] ?? f) - f)) col[slot] = y;
    });
    return col;
  });
  return [grid, ...columns] as uPlot.AlignedData;
}

export function smooth(values: readonly (number | null)[], weight: number): (number | null)[] {
  if (weight <= 0) return [...values];
  let last = 0;
  let n = 0;
  return values.map((v) => {
    if (v === null || !Number.isFinite(v)) return v;
    last = last * weight + (1 - weight) * v;
    n += 1;
    return last / (1 - weight ** n);
  });
}
