/** A run's files (or its source code copy) with a preview of the chosen one. */
import { getJson } from "./api.js";
import { clear, h } from "./dom.js";

interface FileEntry {
  path: string;
  dir: boolean;
  size: number;
}

const IMAGE = /\.(png|jpe?g|gif|webp|bmp)$/i;
const PREVIEW_BYTES = 256 * 1024;
const CSV_ROWS = 200;

export function filesPanel(body: HTMLElement, id: string, sourcecode: boolean): () => void {
  const list = h("ul", { class: "files" });
  const preview = h("div", { class: "preview" }, h("p", { class: "empty" }, "Choose a file to preview it."));
  clear(body, h("div", { class: "files-layout" }, list, preview));
  const sc = sourcecode ? "&sourcecode=1" : "";
  getJson<FileEntry[]>(`/api/runs/${id}/files?${sc.slice(1)}`)
    .then((files) => {
      if (!files.length) clear(list, h("li", { class: "empty" }, "No files."));
      else clear(list, ...files.map((f) => fileItem(f, () => void showFile(preview, id, f, sc))));
    })
    .catch((e: Error) => clear(list, h("li", { class: "error" }, e.message)));
  return () => {};
}

function fileItem(f: FileEntry, open: () => void): HTMLElement {
  const depth = f.path.split("/").length - 1;
  const name = f.path.split("/").pop() ?? f.path;
  const style = `padding-left:${0.5 + depth * 1.1}rem`;
  if (f.dir) return h("li", { class: "dir", style }, `${name}/`);
  return h("li", { style }, h("button", { class: "link", onclick: open, title: f.path }, name), h("span", { class: "dim size" }, formatSize(f.size)));
}

async function showFile(preview: HTMLElement, id: string, f: FileEntry, sc: string): Promise<void> {
  const url = `/api/runs/${id}/file?path=${encodeURIComponent(f.path)}${sc}`;
  const title = h("h3", {}, f.path, " ", h("a", { href: url, target: "_blank", rel: "noopener", class: "dim" }, "raw"));
  if (IMAGE.test(f.path)) return clear(preview, title, h("img", { src: url, alt: f.path }));
  const res = await fetch(`${url}&limit=${PREVIEW_BYTES}`);
  const text = await res.text();
  if (!res.ok) return clear(preview, title, h("div", { class: "error" }, text));
  const cut = f.size > PREVIEW_BYTES ? h("p", { class: "dim" }, `First ${formatSize(PREVIEW_BYTES)} of ${formatSize(f.size)}.`) : null;
  if (/\.csv$/i.test(f.path)) return clear(preview, title, csvTable(text), cut);
  clear(preview, title, h("pre", { class: "file-text" }, text), cut);
}

function csvTable(text: string): HTMLElement {
  const rows = text.split(/\r?\n/).filter(Boolean).slice(0, CSV_ROWS + 1).map(splitCsvLine);
  const [head, ...rest] = rows;
  return h("table", { class: "grid" },
    h("thead", {}, h("tr", {}, ...(head ?? []).map((c) => h("th", {}, c)))),
    h("tbody", {}, ...rest.map((r) => h("tr", {}, ...r.map((c) => h("td", {}, c))))),
  );
}

/** One CSV line: commas, double-quoted fields with `""` escapes. */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") out.push(cur), (cur = "");
    else cur += c;
  }
  out.push(cur);
  return out;
}

function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
