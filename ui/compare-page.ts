/**
 * Compare runs: flags and scalars side by side ("differences only" hides
 * flags every run shares), scalar charts overlaid per tag, parallel
 * coordinates of flags against a scalar, and a scatter of one flag against
 * one scalar. Charts follow live runs as their scalars grow.
 */
import { getJson, onStoreEvent, type CompareData, type Series } from "./api.js";
import { chartWidthFor, compareDataPath, pageWidthFor, seriesPath } from "./compare-paths.js";
import { scalarChart, type ChartOptions } from "./charts.js";
import { clear, h } from "./dom.js";
import { colorFor, formatNumber, formatValue, shortId } from "./format.js";
import { parallelChart } from "./parallel.js";
import { scatterChart } from "./scatter.js";

type SeriesData = { [id: string]: { [key: string]: Series } };

interface CompareState extends ChartOptions {
  diffOnly: boolean;
  system: boolean;
  objective: string;
  scatterFlag: string;
}

const state: CompareState = { x: "step", logY: false, smoothing: 0, diffOnly: false, system: false, objective: "", scatterFlag: "" };

export function comparePage(root: HTMLElement, ids: readonly string[]): () => void {
  const charts: { destroy(): void }[] = [];
  let data: CompareData | undefined;
  let series: SeriesData = {};
  const body = h("div", { class: "compare" });
  // Wall times are fetched only for an x axis of time: a third of the bytes otherwise.
  let withTime = false;
  const render = () => {
    if (state.x === "time" && !withTime) return void load();
    for (const c of charts.splice(0)) c.destroy();
    if (data) renderCompare(body, data, series, charts, render);
  };
  let left = false;
  const load = async () => {
    try {
      performance.mark("compare:fetch");
      const time = state.x === "time";
      const loaded = await Promise.all([getJson<CompareData>(compareDataPath(ids)), getJson<SeriesData>(seriesPath(ids, time))]);
      if (left) return;
      withTime = time;
      performance.mark("compare:data");
      [data, series] = loaded;
      render();
      performance.mark("compare:drawn");
      document.body.dataset.ready = "compare";
    } catch (e) {
      clear(body, h("div", { class: "error" }, (e as Error).message));
    }
  };
  clear(root, h("h1", {}, `Compare ${ids.length} run${ids.length === 1 ? "" : "s"}`), body);
  void load();
  let timer: number | undefined;
  const refresh = (d: { ids: string[] }) => {
    if (!d.ids.some((id) => ids.includes(id))) return;
    clearTimeout(timer);
    timer = window.setTimeout(() => void load(), 500);
  };
  const unsubscribe = [onStoreEvent("runs", refresh), onStoreEvent("output", refresh)];
  return () => {
    left = true;
    clearTimeout(timer);
    for (const u of unsubscribe) u();
    for (const c of charts.splice(0)) c.destroy();
  };
}

function renderCompare(body: HTMLElement, data: CompareData, series: SeriesData, charts: { destroy(): void }[], render: () => void): void {
  const keys = data.scalars.filter((k) => state.system || !k.startsWith("sys/"));
  if (!keys.includes(state.objective)) state.objective = keys.find((k) => /(^|\/)loss$/.test(k)) ?? keys[0] ?? "";
  if (!data.flags.includes(state.scatterFlag)) state.scatterFlag = data.differentFlags[0] ?? data.flags[0] ?? "";
  const { width, chartWidth } = chartLayout(body);
  const grid = h("div", { class: "chart-grid" });
  for (const key of keys) {
    const chart = scalarChart(key, data.runs.map((r, index) => ({ id: r.id, index, series: series[r.id]?.[key] })), state, chartWidth);
    charts.push(chart);
    grid.append(chart.el);
  }
  clear(body,
    legend(data),
    h("section", { class: "panel wide" }, h("h2", {}, "Flags ", toggle("Differences only", "diff-only", state.diffOnly, (on) => {
      state.diffOnly = on;
      body.querySelectorAll(".flags-table tr.same").forEach((tr) => ((tr as HTMLElement).hidden = on));
    })), flagsTable(data)),
    h("section", { class: "panel wide" }, h("h2", {}, "Scalars"), scalarsTable(data, keys)),
    h("section", { class: "panel wide" }, h("h2", {}, "Charts"), chartControls(render), keys.length ? grid : h("p", { class: "empty" }, "No scalars.")),
    h("section", { class: "panel wide" }, h("h2", {}, "Flags against ", select(keys, state.objective, (v) => ((state.objective = v), render()), "objective")),
      parallelChart([...parallelFlags(data).map((f) => ({ name: f, values: data.runs.map((r) => r.flags[f]) })), { name: state.objective, values: data.runs.map((r) => r.scalars[state.objective]?.last) }], data.runs.map((_r, i) => i), width - 24)),
    h("section", { class: "panel wide" }, h("h2", {}, select(data.flags, state.scatterFlag, (v) => ((state.scatterFlag = v), render()), "scatter-flag"), " against ", state.objective),
      scatterChart(data.runs.map((r, index) => ({ id: r.id, index, x: r.flags[state.scatterFlag], y: r.scalars[state.objective]?.last })), state.scatterFlag, state.objective, width - 24)),
  );
}

/** The page's width for panels and each chart's width, from the compare element's. */
function chartLayout(body: HTMLElement): { width: number; chartWidth: number } {
  const width = pageWidthFor(body.clientWidth);
  return { width, chartWidth: chartWidthFor(width) };
}

/** Flags that differ, or all flags when none do. */
function parallelFlags(data: CompareData): string[] {
  return data.differentFlags.length ? data.differentFlags : data.flags;
}

function legend(data: CompareData): HTMLElement {
  return h("div", { class: "legend" }, ...data.runs.map((r, i) =>
    h("a", { href: `#/run/${r.id}`, class: "legend-item" },
      h("span", { class: "swatch", style: `background:${colorFor(i)}` }),
      h("span", { class: "mono" }, shortId(r.id)), " ", r.operation, r.label ? ` · ${r.label}` : "", " ",
      h("span", { class: `badge status-${r.status}` }, r.status)),
  ));
}

function runHeader(data: CompareData, first: string): HTMLElement {
  return h("thead", {}, h("tr", {}, h("th", {}, first), ...data.runs.map((r, i) =>
    h("th", { class: "num" }, h("span", { class: "swatch", style: `background:${colorFor(i)}` }), shortId(r.id)))));
}

function flagsTable(data: CompareData): HTMLElement {
  if (!data.flags.length) return h("p", { class: "empty" }, "No flags.");
  const differ = new Set(data.differentFlags);
  return h("table", { class: "grid flags-table" }, runHeader(data, "Flag"),
    h("tbody", {}, ...data.flags.map((f) =>
      h("tr", { class: differ.has(f) ? "differs" : "same", "data-flag": f, hidden: !differ.has(f) && state.diffOnly },
        h("th", {}, f), ...data.runs.map((r) => h("td", { class: "num" }, formatValue(r.flags[f])))))));
}

function scalarsTable(data: CompareData, keys: readonly string[]): HTMLElement {
  if (!keys.length) return h("p", { class: "empty" }, "No scalars.");
  return h("table", { class: "grid" }, runHeader(data, "Scalar (last)"),
    h("tbody", {}, ...keys.map((k) => h("tr", {}, h("th", {}, k), ...data.runs.map((r) => {
      const s = r.scalars[k];
      return h("td", { class: "num", title: s ? `step ${s.step} · min ${formatNumber(s.min)} · max ${formatNumber(s.max)}` : "" }, formatNumber(s?.last));
    })))));
}

function chartControls(render: () => void): HTMLElement {
  const smoothing = h("input", { type: "range", min: 0, max: 0.99, step: 0.01, value: String(state.smoothing), name: "smoothing", onchange: (e: Event) => {
    state.smoothing = Number((e.target as HTMLInputElement).value);
    render();
  } });
  return h("div", { class: "chart-controls" },
    h("label", {}, "x ", select(["step", "time"], state.x, (v) => ((state.x = v as "step" | "time"), render()), "x-axis")),
    toggle("log y", "log-y", state.logY, (on) => ((state.logY = on), render())),
    h("label", {}, "smoothing ", smoothing),
    toggle("system scalars", "system", state.system, (on) => ((state.system = on), render())),
  );
}

function toggle(text: string, name: string, checked: boolean, onChange: (on: boolean) => void): HTMLElement {
  return h("label", { class: "toggle" }, h("input", { type: "checkbox", name, checked, onchange: (e: Event) => onChange((e.target as HTMLInputElement).checked) }), text);
}

function select(options: readonly string[], value: string, onChange: (v: string) => void, name: string): HTMLSelectElement {
  const el = h("select", { name, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) }, ...options.map((o) => h("option", { value: o }, o)));
  el.value = value;
  return el;
}
