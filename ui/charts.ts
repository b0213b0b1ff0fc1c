/**
 * Scalar charts: one uPlot chart per tag with every compared run's series
 * overlaid, x as step or as seconds since the run's first point, optional
 * log y and smoothing (TensorBoard's debiased moving average). Hovering
 * shows each run's value in the legend.
 */
import uPlot from "uplot";
import type { Series } from "./api.js";
import { h } from "./dom.js";
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
  const data = tables.length === 1 ? (tables[0] as uPlot.AlignedData) : uPlot.join(tables);
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
  const t0 = s.time[0] ?? 0;
  const xs = o.x === "step" ? s.step : s.time.map((t) => t - t0);
  const ys = smooth(s.value, o.smoothing).map((v) => (v === null || (o.logY && v <= 0) ? null : v));
  const byX = new Map<number, number | null>();
  xs.forEach((x, i) => byX.set(x, ys[i] ?? null));
  const sorted = [...byX.keys()].sort((a, b) => a - b);
  return [sorted, sorted.map((x) => byX.get(x) ?? null)];
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
