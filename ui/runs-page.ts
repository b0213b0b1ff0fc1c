/**
 * The runs page: filters (the CLI's own: operation, label, status, marked,
 * started range) and a text search, a sortable table of one page of runs
 * with their flags and last scalar values, and a selection to compare.
 * Refreshes its page when the store changes (server-sent events).
 */
import { getJson, onStoreEvent, type RunsPage, type RunSummary } from "./api.js";
import { clear, h } from "./dom.js";
import { formatDuration, formatNumber, formatTime, formatValue, shortId } from "./format.js";

const STATUSES = ["running", "pending", "staged", "completed", "error", "terminated"];
const PAGE = 100;

interface RunsState {
  q: string;
  operation: string;
  label: string;
  started: string;
  statuses: Set<string>;
  marked: "" | "marked" | "unmarked";
  sort: string;
  desc: boolean;
  offset: number;
}

const state: RunsState = { q: "", operation: "", label: "", started: "", statuses: new Set(), marked: "", sort: "started", desc: true, offset: 0 };
export const selection = new Set<string>();

export function runsPage(root: HTMLElement): () => void {
  const table = h("div", { class: "table-wrap" });
  const pager = h("div", { class: "pager" });
  const error = h("div", { class: "error", role: "alert" });
  const compareButton = h("button", { class: "primary", id: "compare", onclick: () => (location.hash = `#/compare/${[...selection].join(",")}`) });
  // A search or filter of a large store reads every run: the server says how far it has got.
  const progress = h("div", { class: "pass-progress hint", id: "pass-progress", role: "status", hidden: true });
  let seq = 0;
  let inFlight = 0;
  let left = false;
  const load = async () => {
    if (left) return;
    const mine = ++seq;
    inFlight++;
    try {
      const page = await getJson<RunsPage>(`/api/runs?${queryString()}`);
      if (mine !== seq || left) return;
      clear(error);
      renderTable(table, page, load, updateSelection);
      renderPager(pager, page, load);
      document.body.dataset.ready = "runs";
    } catch (e) {
      if (mine === seq) clear(error, (e as Error).message);
    } finally {
      if (--inFlight === 0) progress.hidden = true;
    }
  };
  const updateSelection = () => {
    compareButton.textContent = `Compare ${selection.size} run${selection.size === 1 ? "" : "s"}`;
    compareButton.disabled = selection.size < 1;
  };
  updateSelection();
  clear(root, h("div", { class: "toolbar" }, ...filterControls(load), compareButton), progress, error, table, pager);
  let pending: number | undefined;
  const unsubscribe = [
    onStoreEvent("runs", () => {
      clearTimeout(pending);
      pending = window.setTimeout(() => void load(), 150);
    }),
    onStoreEvent("pass", ({ done, total }) => {
      if (!inFlight) return;
      progress.textContent = `Reading runs: ${done.toLocaleString("en")} of ${total.toLocaleString("en")}…`;
      progress.hidden = false;
    }),
  ];
  void load();
  return () => {
    left = true;
    clearTimeout(pending);
    for (const u of unsubscribe) u();
  };
}

function queryString(): string {
  const p = new URLSearchParams();
  if (state.q) p.set("q", state.q);
  if (state.operation) p.set("operation", state.operation);
  if (state.label) p.set("label", state.label);
  if (state.started) p.set("started", state.started);
  if (state.statuses.size) p.set("status", [...state.statuses].join(","));
  if (state.marked) p.set(state.marked, "1");
  p.set("sort", state.sort);
  p.set("desc", state.desc ? "1" : "0");
  p.set("offset", String(state.offset));
  p.set("limit", String(PAGE));
  return p.toString();
}

function filterControls(load: () => Promise<void>): HTMLElement[] {
  let timer: number | undefined;
  const changed = () => {
    state.offset = 0;
    clearTimeout(timer);
    timer = window.setTimeout(() => void load(), 200);
  };
  const text = (key: "q" | "operation" | "label" | "started", placeholder: string, cls = "") =>
    h("input", {
      type: "search",
      class: cls,
      name: key,
      placeholder,
      value: state[key],
      oninput: (e: Event) => {
        state[key] = (e.target as HTMLInputElement).value.trim();
        changed();
      },
    });
  const statuses = h("div", { class: "chips", role: "group", "aria-label": "Status" },
    ...STATUSES.map((s) =>
      h("label", { class: `chip status-${s}` },
        h("input", {
          type: "checkbox",
          name: `status-${s}`,
          checked: state.statuses.has(s),
          onchange: (e: Event) => {
            if ((e.target as HTMLInputElement).checked) state.statuses.add(s);
            else state.statuses.delete(s);
            changed();
          },
        }),
        s,
      ),
    ),
  );
  const marked = h("select", {
    name: "marked",
    onchange: (e: Event) => {
      state.marked = (e.target as HTMLSelectElement).value as RunsState["marked"];
      changed();
    },
  }, h("option", { value: "" }, "marked or not"), h("option", { value: "marked" }, "marked"), h("option", { value: "unmarked" }, "unmarked"));
  marked.value = state.marked;
  return [
    text("q", "Search id, operation, label, tags, flags", "grow"),
    text("operation", "Operation"),
    text("label", "Label"),
    text("started", "Started (e.g. last hour)"),
    marked,
    statuses,
  ];
}

interface Column {
  title: string;
  sort?: string;
  cls?: string;
  cell(run: RunSummary): Node | string;
}

function columnsFor(runs: readonly RunSummary[]): Column[] {
  const flagNames = [...new Set(runs.flatMap((r) => Object.keys(r.flags)))].sort();
  const scalarKeys = [...new Set(runs.flatMap((r) => Object.keys(r.scalars)))].filter((k) => !k.startsWith("sys/")).sort();
  return [
    { title: "#", cls: "num dim", cell: (r) => String(r.index) },
    { title: "Run", sort: "id", cls: "mono", cell: (r) => h("a", { href: `#/run/${r.id}`, class: "run-link" }, shortId(r.id)) },
    { title: "Operation", sort: "operation", cell: (r) => r.operation },
    { title: "Started", sort: "started", cls: "nowrap", cell: (r) => formatTime(r.started) },
    { title: "Time", sort: "stopped", cls: "num", cell: (r) => formatDuration(r.started, r.stopped, r.status) },
    { title: "Status", sort: "status", cell: (r) => h("span", { class: `badge status-${r.status}` }, r.status) },
    { title: "Label", sort: "label", cls: "label", cell: (r) => (r.marked ? "★ " : "") + r.label },
    ...flagNames.map((f): Column => ({ title: f, sort: `flag:${f}`, cls: "num flag", cell: (r) => formatValue(r.flags[f]) })),
    ...scalarKeys.map((k): Column => ({ title: k, sort: `scalar:${k}`, cls: "num scalar", cell: (r) => formatNumber(r.scalars[k]?.[0]) })),
  ];
}

function renderTable(wrap: HTMLElement, page: RunsPage, load: () => Promise<void>, onSelect: () => void): void {
  const cols = columnsFor(page.runs);
  const head = h("tr", {},
    h("th", { class: "select" }, h("input", { type: "checkbox", title: "Select all on this page", onchange: (e: Event) => {
      const on = (e.target as HTMLInputElement).checked;
      for (const r of page.runs) if (on) selection.add(r.id); else selection.delete(r.id);
      wrap.querySelectorAll<HTMLInputElement>("tbody input[type=checkbox]").forEach((c) => (c.checked = on));
      onSelect();
    } })),
    ...cols.map((c) => {
      const active = c.sort === state.sort;
      return h("th", {
        class: `${c.cls ?? ""} ${c.sort ? "sortable" : ""} ${active ? "sorted" : ""}`,
        "aria-sort": active ? (state.desc ? "descending" : "ascending") : undefined,
        onclick: c.sort ? () => {
          if (state.sort === c.sort) state.desc = !state.desc;
          else [state.sort, state.desc] = [c.sort as string, c.sort === "started"];
          state.offset = 0;
          void load();
        } : undefined,
      }, c.title, active ? (state.desc ? " ▾" : " ▴") : "");
    }),
  );
  const rows = page.runs.map((r) =>
    h("tr", { "data-run-id": r.id, class: selection.has(r.id) ? "selected" : "" },
      h("td", { class: "select" }, h("input", { type: "checkbox", checked: selection.has(r.id), "aria-label": `Select run ${shortId(r.id)}`, onchange: (e: Event) => {
        const on = (e.target as HTMLInputElement).checked;
        if (on) selection.add(r.id); else selection.delete(r.id);
        (e.target as HTMLElement).closest("tr")?.classList.toggle("selected", on);
        onSelect();
      } })),
      ...cols.map((c) => h("td", { class: c.cls ?? "" }, c.cell(r))),
    ),
  );
  const empty = page.total === 0 ? h("p", { class: "empty" }, "No runs match.") : null;
  clear(wrap, h("table", { class: "runs" }, h("thead", {}, head), h("tbody", {}, ...rows)), empty);
}

function renderPager(pager: HTMLElement, page: RunsPage, load: () => Promise<void>): void {
  const last = Math.min(page.offset + page.runs.length, page.total);
  const go = (offset: number) => () => {
    state.offset = Math.max(0, offset);
    void load();
  };
  clear(pager,
    h("button", { onclick: go(page.offset - PAGE), disabled: page.offset === 0 }, "‹ Newer"),
    h("span", { id: "run-count" }, page.total ? `${page.offset + 1}–${last} of ${page.total.toLocaleString()} runs` : "0 runs"),
    h("button", { onclick: go(page.offset + PAGE), disabled: last >= page.total }, "Older ›"),
  );
}
