/**
 * Prints `guild compare` tables: the `-t` table (Guild's cell formatting:
 * floats cut to 6 decimals, yes/no, empty for no value), `--csv` (raw
 * values, as Python's csv module writes them) and `--json` (ours).
 */
import type { Cell, CompareTable } from "../core/compare/compare-table.js";
import { formatTruncatedFloat, pythonStr } from "../core/flags/encode.js";
import { isFloat, type FlagValue } from "../core/flags/value.js";
import { formatScalarValue } from "../core/scalars/info.js";
import { formatColumns } from "../output.js";

const FLOAT_DECIMALS = 6;

export function formatCompareTable(t: CompareTable): string[] {
  if (!t.header.length) return [];
  const rows = t.rows.map((row) =>
    row.values.map((v, i) => {
      const cell = formatCell(v);
      return t.header[i] === "operation" && row.run.marked ? `${cell} [marked]` : cell;
    }),
  );
  return formatColumns([t.header, ...rows]);
}

export function formatCell(v: Cell): string {
  if (v === null) return "";
  if (isFloat(v)) return formatTruncatedFloat(v.value, FLOAT_DECIMALS);
  if (v === true) return "yes";
  if (v === false) return "no";
  return pythonStr(v);
}

export function formatCompareCsv(t: CompareTable): string {
  if (!t.header.length) return "";
  const rows = [t.header, ...t.rows.map((r) => r.values.map((v) => (v === null ? "" : pythonStr(v))))];
  return rows.map((row) => row.map(csvField).join(",") + "\n").join("");
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One object per row: `id`, then the columns; scalar values as the float32 the event file holds, shortest spelling. */
export function formatCompareJson(t: CompareTable): string {
  const rows = t.rows.map((row) => {
    const obj: Record<string, unknown> = { id: row.run.id };
    t.header.forEach((name, i) => {
      const v = row.values[i] ?? null;
      obj[name] = t.scalarColumns.has(name) && isFloat(v) ? shortestFloat32(v.value) : toJson(v);
    });
    return obj;
  });
  return `${JSON.stringify(rows)}\n`;
}

function toJson(v: FlagValue): unknown {
  if (isFloat(v)) return Number.isFinite(v.value) ? v.value : null;
  if (Array.isArray(v)) return v.map(toJson);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJson(x)]));
  return v;
}

/** The shortest decimal that reads back as the same float32 (0.1, not 0.10000000149011612). */
export function shortestFloat32(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  for (let p = 1; p <= 9; p++) {
    const candidate = Number(x.toPrecision(p));
    if (Math.fround(candidate) === x) return candidate;
  }
  return x;
}

/** `--print-scalars`: each run's scalars with their last value and step. */
export function formatPrintScalars(t: CompareTable): string[] {
  const lines: string[] = [];
  for (const row of t.rows) {
    lines.push(`[${row.run.id.slice(0, 8)}] ${row.run.opDesc}`);
    for (const s of row.run.scalars) lines.push(`  ${s.key}: ${formatScalarValue(s.last.value, s.last.step)}`);
  }
  return lines;
}
