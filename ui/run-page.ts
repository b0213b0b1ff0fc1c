/**
 * One run: attributes, flags and scalars (last, min, max, step); its output
 * in pages, following the end while the run is live; its files and source
 * code snapshot with previews (text, images, CSV).
 */
import { getJson, onStoreEvent, type Json, type OutputChunk } from "./api.js";
import { clear, h } from "./dom.js";
import { filesPanel } from "./files-panel.js";
import { formatNumber, formatTime, formatValue, shortId } from "./format.js";

interface RunInfo {
  id: string;
  operation: string;
  status: string;
  label: string;
  started: number | null;
  stopped: number | null;
  run_dir: string;
  exit_status: Json;
  flags: { [name: string]: Json } | null;
  attributes: { [name: string]: Json };
  [key: string]: Json;
}

interface ScalarSummary {
  key: string;
  last: { value: number | null; step: number };
  min: { value: number | null; step: number };
  max: { value: number | null; step: number };
  count: number;
}

const TABS = ["Overview", "Output", "Files", "Source code"] as const;

export function runPage(root: HTMLElement, id: string): () => void {
  const header = h("header", { class: "run-header" });
  const body = h("div", { class: "tab-body" });
  let dispose = () => {};
  const show = (tab: (typeof TABS)[number]) => {
    dispose();
    tabs.querySelectorAll("button").forEach((b) => b.classList.toggle("active", b.textContent === tab));
    dispose = tab === "Overview" ? overview(body, id) : tab === "Output" ? outputPanel(body, id) : filesPanel(body, id, tab === "Source code");
  };
  const tabs = h("nav", { class: "tabs", role: "tablist" }, ...TABS.map((t) => h("button", { role: "tab", onclick: () => show(t) }, t)));
  clear(root, header, tabs, body);
  const refreshHeader = async () => {
    try {
      const run = await getJson<RunInfo>(`/api/runs/${id}`);
      clear(header,
        h("h1", {}, run.operation, " ", h("span", { class: "mono dim" }, shortId(run.id))),
        h("span", { class: `badge status-${run.status}`, id: "run-status" }, run.status),
        run.label ? h("span", { class: "run-label" }, run.label) : null,
      );
    } catch (e) {
      clear(header, h("div", { class: "error" }, (e as Error).message));
    }
  };
  void refreshHeader();
  const unsubscribe = onStoreEvent("runs", (d) => {
    if (d.ids.includes(id)) void refreshHeader();
  });
  show("Overview");
  return () => {
    dispose();
    unsubscribe();
  };
}

function overview(body: HTMLElement, id: string): () => void {
  // A load that ends after another tab was opened must not draw over it.
  let left = false;
  const load = async () => {
    const [run, scalars] = await Promise.all([getJson<RunInfo>(`/api/runs/${id}`), getJson<ScalarSummary[]>(`/api/runs/${id}/scalars`)]);
    if (left) return;
    const attrs: [string, string][] = [
      ["id", run.id],
      ["operation", run.operation],
      ["from", String(run.from ?? "")],
      ["status", run.status],
      ["started", formatTime(run.started)],
      ["stopped", formatTime(run.stopped)],
      ["label", run.label ?? ""],
      ["exit status", formatValue(run.exit_status)],
      ["run dir", run.run_dir],
      ["command", Array.isArray(run.cmd) ? run.cmd.map(String).join(" ") : ""],
      ["source code digest", String(run.sourcecode_digest ?? "")],
      ...Object.entries(run.attributes ?? {}).map(([k, v]): [string, string] => [k, formatValue(v)]),
    ];
    clear(body,
      h("section", { class: "panel" }, h("h2", {}, "Attributes"), keyValueTable(attrs)),
      h("section", { class: "panel" }, h("h2", {}, "Flags"), keyValueTable(Object.entries(run.flags ?? {}).map(([k, v]) => [k, formatValue(v)]), "flags")),
      h("section", { class: "panel wide" }, h("h2", {}, "Scalars"), scalarsTable(scalars)),
    );
  };
  void load().catch((e: Error) => left || clear(body, h("div", { class: "error" }, e.message)));
  const unsubscribe = onStoreEvent("runs", (d) => {
    if (d.ids.includes(id)) void load().catch(() => undefined);
  });
  return () => {
    left = true;
    unsubscribe();
  };
}

function keyValueTable(rows: readonly [string, string][], cls = ""): HTMLElement {
  if (!rows.length) return h("p", { class: "empty" }, "None.");
  return h("table", { class: `kv ${cls}` }, h("tbody", {}, ...rows.map(([k, v]) => h("tr", {}, h("th", {}, k), h("td", {}, v)))));
}

function scalarsTable(scalars: readonly ScalarSummary[]): HTMLElement {
  if (!scalars.length) return h("p", { class: "empty" }, "No scalars.");
  return h("table", { class: "grid" },
    h("thead", {}, h("tr", {}, ...["Scalar", "Last", "Step", "Min", "Max", "Count"].map((t) => h("th", {}, t)))),
    h("tbody", {}, ...scalars.map((s) =>
      h("tr", {}, h("td", {}, s.key), ...[s.last.value, s.last.step, s.min.value, s.max.value, s.count].map((v) => h("td", { class: "num" }, formatNumber(v)))),
    )),
  );
}

const CHUNK_NOTE = "Load more";

/** Output from the start, a page at a time; while at the end, new output is appended as it arrives. */
function outputPanel(body: HTMLElement, id: string): () => void {
  const pre = h("pre", { class: "output", id: "output" });
  const more = h("button", { onclick: () => void next() }, CHUNK_NOTE);
  const status = h("span", { class: "dim" });
  let offset = 0;
  let atEnd = false;
  let busy = false;
  // Output that grows while a read is under way is read right after it, not dropped.
  let again = false;
  const next = async (): Promise<void> => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      const chunk = await getJson<OutputChunk>(`/api/runs/${id}/output?offset=${offset}`);
      if (chunk.text) pre.append(chunk.text);
      offset = chunk.next;
      atEnd = chunk.next >= chunk.size;
      more.hidden = atEnd;
      status.textContent = `${offset.toLocaleString()} of ${chunk.size.toLocaleString()} bytes`;
      if (atEnd && body.contains(pre)) pre.scrollTop = pre.scrollHeight;
    } finally {
      busy = false;
    }
    if (again && atEnd) {
      again = false;
      await next();
    }
  };
  clear(body, h("div", { class: "output-bar" }, status, more), pre);
  void next();
  const unsubscribe = onStoreEvent("output", (d) => {
    if (atEnd && d.ids.includes(id)) void next();
  });
  return unsubscribe;
}
